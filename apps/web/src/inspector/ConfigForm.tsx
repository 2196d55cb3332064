import { type ConfigField, configFields, type DocumentNode, getKind } from '@stackdraft/patterns';
import { checkNodeConfig, setNodeConfig } from '../document/settings';
import { editorStore } from '../store/editor-store';
import { formatNumber } from '../ui/format';
import { CheckboxField, humanizeKey, JsonField, NumberField, SelectField, TextField } from './fields';

function commit(node: DocumentNode, key: string, value: unknown) {
  const s = editorStore.getState();
  s.commit(`Change ${humanizeKey(key, false).toLowerCase()}`, setNodeConfig(s.doc, node.id, key, value));
}

function defaultText(f: ConfigField): string | undefined {
  if (f.usage) return 'derived from traffic';
  if (f.default === undefined) return 'not set';
  if (typeof f.default === 'number') return `default ${formatNumber(f.default)}`;
  if (typeof f.default === 'string') return `default ${f.default}`;
  return undefined;
}

/**
 * The form for a node's config, generated from its kind's schema (`configFields`): numbers with
 * their units and defaults, enums as selects, booleans as checkboxes, lists as JSON. Messages come
 * from the same zod schema that checks files.
 */
export function ConfigForm({ node }: { node: DocumentNode }) {
  const kind = getKind(node.kind);
  const fields = configFields(kind);
  const config = (node.config ?? {}) as Record<string, unknown>;
  const settings = fields.filter((f) => !f.usage);
  const usage = fields.filter((f) => f.usage);
  const render = (f: ConfigField) => (
    <ConfigInput key={f.key} node={node} field={f} value={config[f.key]} config={config} />
  );
  return (
    <>
      {settings.length > 0 && (
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
            Configuration
          </legend>
          {settings.map(render)}
        </fieldset>
      )}
      {usage.length > 0 && (
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
            Usage
          </legend>
          {usage.map(render)}
        </fieldset>
      )}
    </>
  );
}

function ConfigInput({
  node,
  field: f,
  value,
  config,
}: {
  node: DocumentNode;
  field: ConfigField;
  value: unknown;
  config: Record<string, unknown>;
}) {
  const label = humanizeKey(f.key, f.unit !== undefined);
  const check = (v: unknown) => checkNodeConfig(node.kind, config, f.key, v);
  switch (f.type) {
    case 'number':
    case 'integer':
      return (
        <NumberField
          label={label}
          help={f.description}
          unit={f.unit}
          value={typeof value === 'number' ? value : undefined}
          placeholder={defaultText(f)}
          integer={f.type === 'integer'}
          check={check}
          onCommit={(v) => commit(node, f.key, v)}
        />
      );
    case 'boolean':
      return (
        <CheckboxField
          label={label}
          help={f.description}
          checked={typeof value === 'boolean' ? value : f.default === true}
          onCommit={(v) => commit(node, f.key, v === f.default ? undefined : v)}
        />
      );
    case 'enum':
      return (
        <SelectField
          label={label}
          help={f.description}
          value={typeof value === 'string' ? value : typeof f.default === 'string' ? f.default : undefined}
          options={(f.enum ?? []).map((v) => ({ value: v, label: v === f.default ? `${v} (default)` : v }))}
          {...(f.default === undefined ? { unsetLabel: 'Not set' } : {})}
          onCommit={(v) => commit(node, f.key, v === f.default ? undefined : v)}
        />
      );
    case 'string':
      return (
        <TextField
          label={label}
          help={f.description}
          value={typeof value === 'string' ? value : ''}
          placeholder={defaultText(f)}
          check={(v) => (v === '' ? undefined : check(v))}
          onCommit={(v) => commit(node, f.key, v === '' ? undefined : v)}
        />
      );
    default:
      return (
        <JsonField
          label={label}
          help={f.description}
          value={value}
          check={check}
          onCommit={(v) => commit(node, f.key, v)}
        />
      );
  }
}
