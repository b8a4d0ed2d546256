/** The console's frame (header and navigation) and its pages, by route. */

import { lazy, Suspense, useEffect } from 'react';
import { prepareLayout } from './graph/layout.js';
import { MachinesPage } from './pages/MachinesPage.js';
import { Link, paths, type Route, useRoute } from './router.js';

// The other pages load on first use: the editor (CodeMirror), the graphs and the simulator (the engine) are most of
// the console's code, and the list of state machines, the first page, needs none of them.
const ActivitiesPage = lazy(() =>
  import('./activities/ActivitiesPage.js').then((m) => ({ default: m.ActivitiesPage })),
);
const EditorPage = lazy(() => import('./editor/EditorPage.js').then((m) => ({ default: m.EditorPage })));
const ExecutionPage = lazy(() => import('./execution/ExecutionPage.js').then((m) => ({ default: m.ExecutionPage })));
const MachinePage = lazy(() => import('./pages/MachinePage.js').then((m) => ({ default: m.MachinePage })));
const SimulatorPage = lazy(() => import('./simulator/SimulatorPage.js').then((m) => ({ default: m.SimulatorPage })));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'machines':
      return <MachinesPage />;
    case 'create':
      return <EditorPage />;
    case 'edit':
      return <EditorPage key={route.arn} arn={route.arn} />;
    case 'machine':
      return <MachinePage key={route.arn} arn={route.arn} tab={route.tab} />;
    case 'execution':
      return <ExecutionPage key={route.arn} arn={route.arn} />;
    case 'simulator':
      return <SimulatorPage />;
    case 'activities':
      return <ActivitiesPage />;
    case 'not-found':
      return (
        <section className="page">
          <h1>Not found</h1>
          <p>
            There is no page at <code>{route.path}</code>. <Link href={paths.machines()}>Go to the state machines</Link>
            .
          </p>
        </section>
      );
  }
}

const NAV: { href: string; label: string; pages: Route['page'][] }[] = [
  { href: paths.machines(), label: 'State machines', pages: ['machines', 'machine', 'create', 'edit', 'execution'] },
  { href: paths.simulator(), label: 'Data flow simulator', pages: ['simulator'] },
  { href: paths.activities(), label: 'Activities', pages: ['activities'] },
];

/** The console. */
export function App() {
  const route = useRoute();
  useEffect(() => {
    const idle = requestIdleCallback(prepareLayout);
    return () => cancelIdleCallback(idle);
  }, []);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href={paths.machines()} className="brand" aria-label="Lockstep console home">
          <span className="brand-mark" aria-hidden="true" />
          Lockstep
        </Link>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className={`nav-link${item.pages.includes(route.page) ? ' is-active' : ''}`}
              aria-current={item.pages.includes(route.page) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
      </header>
      <main id="main">
        <Suspense fallback={<section className="page">Loading…</section>}>
          <Page route={route} />
        </Suspense>
      </main>
    </div>
  );
}
