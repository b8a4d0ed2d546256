/**
 * The note on a Map Run child's page: which run it belongs to, and a link back to the parent execution with its
 * Distributed Map state selected (DescribeMapRun names the parent).
 */
import { api } from '../api/client.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { useAsync } from '../components/use-async.js';
import { arnName } from '../format.js';
import { Link, paths } from '../router.js';
import { mapRunLabel } from './map-run.js';

/** The note. */
export function MapRunChildNote({ mapRunArn }: { mapRunArn: string }) {
  const run = useAsync(() => api.describeMapRun(mapRunArn), [mapRunArn]);
  const parent = run.value?.executionArn;
  return (
    <>
      <p className="map-run-note" role="note" data-testid="map-run-child">
        A child execution of the Map Run <strong>{mapRunLabel(mapRunArn)}</strong>
        {parent && (
          <>
            {' '}
            of the execution <Link href={paths.execution(parent, mapRunArn)}>{arnName(parent)}</Link>
          </>
        )}
        : it runs the Map state&apos;s item processor.
      </p>
      <ErrorNote error={run.error} />
    </>
  );
}
