import { canConnect, type EdgeKind, getKind, graphOf } from '@stackdraft/patterns';
import { checkEdgeConfig, setEdgeConfig, setEdgeKind, setEdgeLabel } from '../document/settings';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { EDGE_FIELDS, type EdgeFieldSpec, readEdgeField, writeEdgeField } from './edge-fields';
import { CheckboxField, NumberField, SelectField, TextField } from './fields';

const KIND_HELP: Record<EdgeKind, string> = {
  sync: 'Request/response (HTTP, gRPC): the caller waits.',
  async: 'Sends or publishes a message or event and moves on.',
  trigger: 'The queue, topic, stream, bus or schedule invokes the consumer.',
  replication: 'Data is copied to a replica or another region.',
  redrive: 'Messages that keep failing move to the dead-letter queue.',
};

/** The inspector of one edge: its kind (among those the catalog allows), label and settings. */
export function EdgeInspector({ id }: { id: string }) {
  const resolved = useEditor((s: EditorState) => graphOf(s.doc).edgesById.get(id));
  if (!resolved) return null;
  const { edge, source, target, kind } = resolved;
  const sk = getKind(source.kind);
  const tk = getKind(target.kind);
  const doc = editorStore.getState().doc;
  const check = canConnect(doc, edge.source, edge.target, { ignoreEdgeId: edge.id });
  const allowed: EdgeKind[] = check.ok ? check.allowed : kind ? [kind] : [];
  const fields = EDGE_FIELDS.filter((f) => f.applies(kind, sk, tk));
  const sections = [...new Set(fields.map((f) => f.section))];

  const commitConfig = (f: EdgeFieldSpec, value: unknown) => {
    const s = editorStore.getState();
    const current = graphOf(s.doc).edgesById.get(id)?.edge.config;
    s.commit(
      `Change ${f.label.toLowerCase()}`,
      setEdgeConfig(s.doc, id, writeEdgeField(current, f.path, value)),
    );
  };
  const checkField = (f: EdgeFieldSpec, value: unknown) =>
    checkEdgeConfig(writeEdgeField(edge.config, f.path, value));

  return (
    <div className="grid gap-5">
      <header>
        <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">
          {source.label} → {target.label}
        </h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {kind ? `${kind} connection` : 'A connection the catalog does not allow'}
        </p>
      </header>
      <SelectField
        label="Kind"
        help={kind ? KIND_HELP[kind] : undefined}
        value={kind}
        options={allowed.map((k) => ({ value: k, label: k }))}
        onCommit={(v) => {
          if (!v) return;
          const s = editorStore.getState();
          s.commit('Change connection kind', setEdgeKind(s.doc, id, v as EdgeKind));
        }}
      />
      <TextField
        label="Label"
        value={edge.label ?? ''}
        placeholder="optional"
        onCommit={(v) => {
          const s = editorStore.getState();
          s.commit('Change label', setEdgeLabel(s.doc, id, v));
        }}
      />
      {sections.map((section) => (
        <fieldset key={section} className="grid gap-3">
          <legend className="mb-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
            {section}
          </legend>
          {fields
            .filter((f) => f.section === section)
            .map((f) => (
              <EdgeField
                key={f.path.join('.')}
                spec={f}
                value={readEdgeField(edge.config, f.path)}
                check={(v) => checkField(f, v)}
                onCommit={(v) => commitConfig(f, v)}
              />
            ))}
        </fieldset>
      ))}
    </div>
  );
}

function EdgeField({
  spec: f,
  value,
  check,
  onCommit,
}: {
  spec: EdgeFieldSpec;
  value: unknown;
  check: (v: unknown) => string | undefined;
  onCommit: (v: unknown) => void;
}) {
  switch (f.type) {
    case 'boolean':
      return (
        <CheckboxField
          label={f.label}
          help={f.help}
          checked={value === true}
          onCommit={(v) => onCommit(v || undefined)}
        />
      );
    case 'enum':
      return (
        <SelectField
          label={f.label}
          help={f.help}
          value={typeof value === 'string' ? value : undefined}
          options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
          unsetLabel="Not set"
          onCommit={onCommit}
        />
      );
    case 'string':
      return (
        <TextField
          label={f.label}
          help={f.help}
          value={typeof value === 'string' ? value : ''}
          placeholder="not set"
          check={(v) => (v === '' ? undefined : check(v))}
          onCommit={(v) => onCommit(v === '' ? undefined : v)}
        />
      );
    default:
      return (
        <NumberField
          label={f.label}
          help={f.help}
          unit={f.unit}
          value={typeof value === 'number' ? value : undefined}
          placeholder="not set"
          integer={f.type === 'integer'}
          check={check}
          onCommit={onCommit}
        />
      );
  }
}
