/** The title bar of a bottom panel. */
export function PanelHeading({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex h-9 shrink-0 items-center justify-between gap-2 border-b border-slate-200 px-3 dark:border-slate-800">
      <h2
        id={id}
        className="text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300"
      >
        {title}
      </h2>
      {children}
    </div>
  );
}
