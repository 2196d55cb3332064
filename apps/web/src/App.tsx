import { CATEGORIES, KINDS, TEMPLATES } from '@stackdraft/patterns';

/**
 * The catalog browser: every node kind by category and every template, read from the patterns
 * package in the browser. The canvas editor (issue 5) builds on this page.
 */
export function App() {
  return (
    <div className="min-h-full bg-slate-50 text-slate-900">
      <header className="border-b border-slate-200 bg-white px-6 py-3">
        <h1 className="text-lg font-semibold">Stackdraft</h1>
        <p className="text-sm text-slate-600">Design cloud architectures from proven patterns.</p>
      </header>
      <main className="grid gap-8 p-6 md:grid-cols-[2fr_1fr]">
        <section aria-labelledby="catalog-heading">
          <h2 id="catalog-heading" className="mb-3 text-base font-semibold">
            Catalog
          </h2>
          {CATEGORIES.map((c) => (
            <section key={c.id} aria-label={c.label} className="mb-5">
              <h3 className="mb-2 text-sm font-medium uppercase tracking-wide text-slate-500">{c.label}</h3>
              <ul className="grid gap-2 sm:grid-cols-2">
                {KINDS.filter((k) => k.category === c.id).map((k) => (
                  <li key={k.id} className="rounded border border-slate-200 bg-white p-3">
                    <div className="font-medium">{k.label}</div>
                    <div className="text-xs text-slate-500">
                      {'none' in k.aws ? 'no AWS resource' : k.aws.service}
                    </div>
                    <p className="mt-1 text-sm text-slate-700">{k.description}</p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
        <section aria-labelledby="templates-heading">
          <h2 id="templates-heading" className="mb-3 text-base font-semibold">
            Templates
          </h2>
          <ul className="grid gap-2">
            {TEMPLATES.map((t) => (
              <li key={t.id} className="rounded border border-slate-200 bg-white p-3">
                <div className="font-medium">{t.name}</div>
                <p className="mt-1 text-sm text-slate-700">{t.description}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
