import { ENVIRONMENTS, PROVIDERS, type Usage } from '@stackdraft/patterns';
import {
  checkDocumentSetting,
  type DocumentSettings as Settings,
  setDocumentSetting,
} from '../document/settings';
import { type EditorState, editorStore, useEditorShallow } from '../store/editor-store';
import { CheckboxField, NumberField, SelectField, TextField } from './fields';

function commit<K extends keyof Settings>(key: K, value: Settings[K], label: string) {
  const s = editorStore.getState();
  s.commit(label, setDocumentSetting(s.doc, key, value));
}

const USAGE_FIELDS: {
  key: Exclude<keyof Usage, 'freeTier' | 'scenarios'>;
  label: string;
  unit: string;
  help: string;
}[] = [
  {
    key: 'requestsPerMonth',
    label: 'Requests',
    unit: 'requests/month',
    help: 'Used where no client states traffic and a node states no volume.',
  },
  {
    key: 'messagesPerMonth',
    label: 'Messages',
    unit: 'messages/month',
    help: 'For queues, topics and streams without their own volume.',
  },
  { key: 'payloadKb', label: 'Average payload', unit: 'KB', help: 'For data transfer.' },
  { key: 'storageGb', label: 'Storage', unit: 'GB', help: 'For stores that state no size.' },
  {
    key: 'dataOutGb',
    label: 'Data out to the internet',
    unit: 'GB/month',
    help: 'Egress not stated on a CDN or node.',
  },
];

const selectSettings = (s: EditorState) => ({
  name: s.doc.name,
  provider: s.doc.provider,
  region: s.doc.region,
  environment: s.doc.environment,
  budget: s.doc.budget,
  usage: s.doc.usage,
});

/** The design's own settings, shown when nothing is selected. */
export function DocumentSettings() {
  const d = useEditorShallow(selectSettings);
  const usage = d.usage ?? {};
  const setUsage = (key: keyof Usage, value: unknown, label: string) => {
    const next = { ...usage, [key]: value } as Usage;
    if (value === undefined) delete next[key];
    commit('usage', next, label);
  };
  return (
    <div className="grid gap-5">
      <header>
        <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">Design settings</h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Select a node or a connection to edit it.
        </p>
      </header>
      <TextField
        label="Name"
        value={d.name}
        check={(v) => checkDocumentSetting('name', v)}
        onCommit={(v) => commit('name', v.trim(), 'Rename design')}
      />
      <SelectField
        label="Cloud provider"
        value={d.provider}
        options={PROVIDERS.map((p) => ({ value: p, label: p.toUpperCase() }))}
        onCommit={(v) => v && commit('provider', v as Settings['provider'], 'Change provider')}
      />
      <TextField
        label="Default region"
        help="Where nodes outside a region group are deployed."
        value={d.region}
        check={(v) => checkDocumentSetting('region', v)}
        onCommit={(v) => commit('region', v.trim(), 'Change region')}
      />
      <SelectField
        label="Environment"
        help="Rules are stricter in production."
        value={d.environment}
        options={ENVIRONMENTS.map((e) => ({ value: e, label: e }))}
        onCommit={(v) => v && commit('environment', v as Settings['environment'], 'Change environment')}
      />
      <NumberField
        label="Monthly budget"
        unit="USD"
        help="Estimates above it raise a finding."
        value={d.budget}
        placeholder="no budget"
        check={(v) => checkDocumentSetting('budget', v)}
        onCommit={(v) => commit('budget', v, 'Change budget')}
      />
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
          Usage assumptions
        </legend>
        {USAGE_FIELDS.map((f) => (
          <NumberField
            key={f.key}
            label={f.label}
            unit={f.unit}
            help={f.help}
            value={usage[f.key]}
            placeholder="not set"
            check={(v) => checkDocumentSetting('usage', { ...usage, [f.key]: v })}
            onCommit={(v) => setUsage(f.key, v, `Change ${f.label.toLowerCase()}`)}
          />
        ))}
        <CheckboxField
          label="Apply the AWS free tier"
          checked={usage.freeTier === true}
          onCommit={(v) => setUsage('freeTier', v || undefined, 'Change free tier')}
        />
      </fieldset>
    </div>
  );
}
