/** The console's frame (header and navigation) and its pages, by route. */

import { useEffect } from 'react';
import { ActivitiesPage } from './activities/ActivitiesPage.js';
import { EditorPage } from './editor/EditorPage.js';
import { ExecutionPage } from './execution/ExecutionPage.js';
import { prepareLayout } from './graph/layout.js';
import { MachinePage } from './pages/MachinePage.js';
import { MachinesPage } from './pages/MachinesPage.js';
import { Link, paths, type Route, useRoute } from './router.js';
import { SimulatorPage } from './simulator/SimulatorPage.js';

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
        <Page route={route} />
      </main>
    </div>
  );
}
