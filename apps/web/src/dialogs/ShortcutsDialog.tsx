import { COMMANDS } from '../commands/registry';
import { displayShortcut } from '../commands/shortcuts';
import { Dialog } from '../ui/Dialog';

/** Every keyboard shortcut, from the command registry. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const withKeys = COMMANDS.filter((c) => c.shortcuts && c.shortcuts.length > 0 && !c.id.endsWith('-far'));
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="w-full text-sm">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <tbody>
          {withKeys.map((c) => (
            <tr key={c.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className="py-1.5 text-left font-normal text-slate-700 dark:text-slate-300">
                {c.label}
              </th>
              <td className="py-1.5 text-right">
                {(c.shortcuts ?? []).map((k) => (
                  <kbd
                    key={k}
                    className="ml-1 rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-sans text-xs dark:border-slate-700 dark:bg-slate-800"
                  >
                    {displayShortcut(k)}
                  </kbd>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-1.5 text-left font-normal text-slate-700 dark:text-slate-300">
              Select several / box select
            </th>
            <td className="py-1.5 text-right text-xs text-slate-500 dark:text-slate-400">
              Shift+click / Shift+drag
            </td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
