import { emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { exportTerraform } from './exporter';
import { mdText } from './readme';

describe('README of the Terraform export', () => {
  it('keeps user text on one line with Markdown punctuation escaped', () => {
    expect(mdText('a | b\n# title <script>*x*</script> `code`')).toBe(
      'a \\| b # title \\<script\\>\\*x\\*\\</script\\> \\`code\\`',
    );
  });

  it('lists every node that was not exported, with the reason', () => {
    const doc = {
      ...emptyDocument('Readme check'),
      nodes: [
        { id: 'people', kind: 'client', label: 'People | <b>all</b>\n# of them' },
        { id: 'partner', kind: 'external-service', label: 'Partner API' },
        { id: 'replica', kind: 'read-replica', label: 'Lonely replica' },
        { id: 'jobs', kind: 'queue', label: 'Jobs' },
      ],
    };
    const readme = exportTerraform(doc).files.find((f) => f.path === 'README.md')?.content ?? '';
    const section = readme.slice(readme.indexOf('## Not exported, and why'));
    expect(section).toContain(
      '**People \\| \\<b\\>all\\</b\\> # of them** (`people`, client): A client is outside',
    );
    expect(section).toContain('(`partner`, external-service)');
    expect(section).toContain('(`replica`, read-replica): A read replica needs a replication edge');
    expect(section).not.toContain('`jobs`');
    expect(readme).toMatch(/^\d+ resources? for 1 node of the design/m);
  });
});
