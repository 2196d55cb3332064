import { useEffect, useId, useState } from 'react';

/**
 * Inspector form controls. Text and number fields keep a draft while the person types and commit
 * on Enter or when focus leaves (one undo step per edit, not per key); selects and checkboxes
 * commit at once. A value the schema refuses shows its message and is not committed.
 */

interface FieldShell {
  label: string;
  help?: string | undefined;
  unit?: string | undefined;
}

const inputClass =
  'w-full rounded-md border bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-400 focus:ring-2 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-500';
const okBorder = 'border-slate-200 focus:border-indigo-400 focus:ring-indigo-500/20 dark:border-slate-700';
const badBorder = 'border-red-400 focus:border-red-500 focus:ring-red-500/20 dark:border-red-500';

function Shell({
  id,
  label,
  help,
  unit,
  error,
  children,
}: FieldShell & { id: string; error?: string | undefined; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <label
        htmlFor={id}
        className="flex items-baseline justify-between gap-2 text-xs font-medium text-slate-700 dark:text-slate-300"
      >
        <span>{label}</span>
        {unit && (
          <span className="font-normal text-slate-500 dark:text-slate-400">
            <span className="sr-only"> in </span>
            {unit}
          </span>
        )}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : help ? (
        <p id={`${id}-help`} className="text-[11px] leading-snug text-slate-500 dark:text-slate-400">
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** A text field; `check` returns why a value is refused. `onCommit` may return a refusal too. */
export function TextField({
  label,
  help,
  unit,
  value,
  placeholder,
  check,
  onCommit,
}: FieldShell & {
  value: string;
  placeholder?: string | undefined;
  check?: (v: string) => string | undefined;
  onCommit: (v: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setDraft(value);
    setError(undefined);
  }, [value]);
  const commit = () => {
    if (draft === value) return setError(undefined);
    const problem = check?.(draft);
    setError(problem);
    if (!problem) onCommit(draft);
  };
  return (
    <Shell id={id} label={label} help={help} unit={unit} error={error}>
      <input
        id={id}
        type="text"
        value={draft}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(check?.(e.target.value));
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(value);
            setError(undefined);
          }
        }}
        className={`${inputClass} ${error ? badBorder : okBorder}`}
      />
    </Shell>
  );
}

/**
 * A number field. Empty means "not set" (the default applies, shown as the placeholder).
 * `check` gets the parsed number (or undefined for empty) and returns why it is refused.
 */
export function NumberField({
  label,
  help,
  unit,
  value,
  placeholder,
  integer,
  check,
  onCommit,
}: FieldShell & {
  value: number | undefined;
  placeholder?: string | undefined;
  integer?: boolean;
  check: (v: number | undefined) => string | undefined;
  onCommit: (v: number | undefined) => void;
}) {
  const id = useId();
  const shown = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setDraft(shown);
    setError(undefined);
  }, [shown]);
  const parse = (text: string): { value?: number; error?: string } => {
    const t = text.trim().replace(/[_,\s]/g, '');
    if (t === '') return {};
    const n = Number(t);
    if (!Number.isFinite(n)) return { error: 'must be a number' };
    if (integer && !Number.isInteger(n)) return { error: 'must be a whole number' };
    return { value: n };
  };
  const validate = (text: string) => {
    const p = parse(text);
    return p.error ?? check(p.value);
  };
  const commit = () => {
    if (draft === shown) return setError(undefined);
    const problem = validate(draft);
    setError(problem);
    if (!problem) onCommit(parse(draft).value);
  };
  return (
    <Shell id={id} label={label} help={help} unit={unit} error={error}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(validate(e.target.value));
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(shown);
            setError(undefined);
          }
        }}
        className={`${inputClass} tabular-nums ${error ? badBorder : okBorder}`}
      />
    </Shell>
  );
}

/** A select; `unsetLabel` adds an empty choice meaning "not set". */
export function SelectField({
  label,
  help,
  value,
  options,
  unsetLabel,
  onCommit,
}: FieldShell & {
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  unsetLabel?: string;
  onCommit: (v: string | undefined) => void;
}) {
  const id = useId();
  return (
    <Shell id={id} label={label} help={help}>
      <select
        id={id}
        value={value ?? ''}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onCommit(e.target.value === '' ? undefined : e.target.value)}
        className={`${inputClass} ${okBorder}`}
      >
        {unsetLabel !== undefined && <option value="">{unsetLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField({
  label,
  help,
  checked,
  onCommit,
}: FieldShell & { checked: boolean; onCommit: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onCommit(e.target.checked)}
        className="mt-0.5 size-4 rounded border-slate-300 accent-indigo-600"
      />
      <div className="grid gap-0.5">
        <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {label}
        </label>
        {help && (
          <p id={`${id}-help`} className="text-[11px] leading-snug text-slate-500 dark:text-slate-400">
            {help}
          </p>
        )}
      </div>
    </div>
  );
}

/** Structured values (lists, maps) edited as JSON text. */
export function JsonField({
  label,
  help,
  value,
  check,
  onCommit,
}: FieldShell & {
  value: unknown;
  check: (v: unknown) => string | undefined;
  onCommit: (v: unknown) => void;
}) {
  const id = useId();
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setDraft(shown);
    setError(undefined);
  }, [shown]);
  const commit = () => {
    if (draft === shown) return setError(undefined);
    let parsed: unknown;
    if (draft.trim() !== '') {
      try {
        parsed = JSON.parse(draft);
      } catch (e) {
        setError(`is not valid JSON (${e instanceof Error ? e.message : 'syntax error'})`);
        return;
      }
    }
    const problem = check(parsed);
    setError(problem);
    if (!problem) onCommit(parsed);
  };
  return (
    <Shell id={id} label={label} help={help} error={error}>
      <textarea
        id={id}
        value={draft}
        rows={Math.min(12, Math.max(3, draft.split('\n').length))}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        className={`${inputClass} font-mono text-xs ${error ? badBorder : okBorder}`}
      />
    </Shell>
  );
}

/** `visibilityTimeoutS` -> "Visibility timeout" (the unit is shown beside the label). */
export function humanizeKey(key: string, hasUnit: boolean): string {
  let words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
  if (hasUnit && words.length > 1 && /^(S|Ms|Mb|Gb|Kb|Gib)$/.test(words[words.length - 1] ?? '')) {
    words = words.slice(0, -1);
  }
  const text = words.join(' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
