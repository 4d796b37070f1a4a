// The frame: a navigation bar and the view the hash names.
import { ActorPage } from './pages/ActorPage.tsx';
import { DocumentPage } from './pages/DocumentPage.tsx';
import { EventPage } from './pages/EventPage.tsx';
import { EventsPage } from './pages/EventsPage.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { NetworkPage } from './pages/NetworkPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { href, useRoute } from './router.ts';

const SECTIONS = [
  { path: 'events', label: 'Events' },
  { path: 'map', label: 'Map' },
  { path: 'network', label: 'Network' },
  { path: 'review', label: 'Review' },
];

export function App() {
  const route = useRoute();
  const [section, id] = route.path;
  let view;
  if (section === 'event' && id) view = <EventPage id={id} />;
  else if (section === 'actor' && id) view = <ActorPage id={id} />;
  else if (section === 'document' && id) view = <DocumentPage id={id} />;
  else if (section === 'network') view = <NetworkPage params={route.params} />;
  else if (section === 'map') view = <MapPage params={route.params} />;
  else if (section === 'review') view = <ReviewPage />;
  else view = <EventsPage params={route.params} />;
  const active = section === 'event' || !section ? 'events' : section;
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Parley</span>
        <nav aria-label="Sections">
          {SECTIONS.map((s) => (
            <a key={s.path} href={href(`/${s.path}`)} aria-current={active === s.path ? 'page' : undefined}>
              {s.label}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {view}
      </main>
    </>
  );
}
