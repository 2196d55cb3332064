import { Link2 } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { Dialog, primaryButton } from '../ui/Dialog';

type ServerState = 'checking' | 'available' | 'unavailable';

/**
 * Share: share links live on the Stackdraft server. This build does not create them yet, so the
 * dialog says what is needed instead of pretending; it checks whether a server is reachable.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const [server, setServer] = useState<ServerState>('checking');
  const reasonId = useId();
  useEffect(() => {
    const ctl = new AbortController();
    fetch('/api/health', { signal: ctl.signal })
      .then((r) => setServer(r.ok ? 'available' : 'unavailable'))
      .catch(() => !ctl.signal.aborted && setServer('unavailable'));
    return () => ctl.abort();
  }, []);
  const reason =
    server === 'unavailable'
      ? 'Sharing needs the Stackdraft server, and none answers here. Start it with `npm start` and open the app from it.'
      : server === 'available'
        ? 'The server is running, but share links are not in this build of the editor yet.'
        : 'Checking for the Stackdraft server…';
  return (
    <Dialog title="Share" description="Send a link others can view or edit." onClose={onClose}>
      <p
        id={reasonId}
        className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
      >
        {reason}
      </p>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        Meanwhile, Save or Export the design as a file and send that: it opens in Stackdraft as it is.
      </p>
      <div className="mt-4 flex justify-end">
        <button type="button" className={primaryButton} disabled aria-describedby={reasonId}>
          <Link2 className="size-4" aria-hidden="true" /> Create share link
        </button>
      </div>
    </Dialog>
  );
}
