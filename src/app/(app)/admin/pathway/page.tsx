import Link from "@/components/link";
import { APPLIES_TO_LABELS } from "@/domain/pathway/pathway-choices";
import { describeTarget } from "@/domain/pathway/template";
import { formatLondonDateTime } from "@/domain/time/london";
import { NotificationBanner } from "@/components/notification-banner";
import { TableScrollRegion } from "@/components/table-scroll-region";
import { requireActor } from "@/server/access/current-actor";
import { db } from "@/server/db/client";
import { getPathwayAdmin } from "@/server/pathway/get-pathway-admin";
import { loadOrNotFound } from "@/app/_lib/load-or-not-found";
import { DeleteVersionForm } from "./delete-version-form";
import { titled } from "@/components/page-title";

type Query = Record<string, string | string[] | undefined>;

function bannerFor(query: Query): { title: string; text: string } | null {
  const number = (value: unknown) => (typeof value === "string" && /^\d{1,6}$/.test(value) ? value : null);
  const published = number(query.published);
  if (published) {
    return {
      title: `Version ${published} published`,
      text: "Rescues logged from now on use it. People already on the pathway keep the version they started under.",
    };
  }
  const deleted = number(query.deleted);
  if (deleted) return { title: "Version deleted", text: `Version ${deleted} was deleted. Nobody had started under it.` };
  if (query.saved === "none") return { title: "Nothing changed", text: "You made no changes, so no new version was published." };
  return null;
}

const th = "border-b-2 border-ink px-2 py-2 text-left align-bottom font-bold";
const td = "border-b border-line px-2 py-3 align-top";

async function PathwayPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor();
  const pathway = await loadOrNotFound(getPathwayAdmin(db, actor));
  const banner = bannerFor(await searchParams);
  const { current, versions } = pathway;

  return (
    <>
      {banner && <NotificationBanner title={banner.title}>{banner.text}</NotificationBanner>}
      <h1 className="mb-2 text-4xl font-bold">Pathway</h1>
      <p className="mb-6 max-w-2xl text-muted">
        The stages everyone rescued gets, who owns each one and its target from the time of rescue. A change publishes a new version:
        each person keeps the version they started under, so their targets and past figures do not change.
      </p>

      <section aria-labelledby="current-heading" className="mb-12">
        <h2 id="current-heading" className="mb-4 text-2xl font-bold">
          Current version: version {current.version}
        </h2>
        <TableScrollRegion labelledBy="current-heading" className="mb-6">
          <table className="w-full min-w-[40rem] border-collapse" data-testid="current-pathway">
            <caption className="sr-only">Stages of version {current.version}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>Stage</th>
                <th scope="col" className={th}>Owner agency</th>
                <th scope="col" className={th}>Target</th>
                <th scope="col" className={th}>Applies to</th>
                <th scope="col" className={th}>On or off</th>
              </tr>
            </thead>
            <tbody>
              {current.stages.map((stage) => (
                <tr key={stage.key} data-testid={`pathway-stage-${stage.key}`}>
                  <th scope="row" className={`${td} text-left font-bold`}>{stage.title}</th>
                  <td className={td}>
                    {stage.ownerAgencyName}
                    {stage.ownerRetired && <strong className="block text-danger">Retired: choose a new owner</strong>}
                  </td>
                  <td className={td} data-testid="stage-target">{describeTarget(stage)}</td>
                  <td className={td}>{APPLIES_TO_LABELS[stage.appliesTo]}</td>
                  <td className={td}>{stage.enabled ? "On" : "Off"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
        <Link
          href="/admin/pathway/edit"
          className="inline-block min-h-11 bg-success px-4 py-2 text-lg font-bold text-white no-underline shadow-[0_2px_0_#002d18]"
        >
          Edit the pathway
        </Link>
      </section>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="mb-2 text-2xl font-bold">
          Versions
        </h2>
        <p className="mb-4 max-w-2xl text-muted">
          Live people are those whose case is not closed. An earlier version nobody started under can be deleted.
        </p>
        <TableScrollRegion labelledBy="versions-heading">
          <table className="w-full min-w-[36rem] border-collapse" data-testid="pathway-versions">
            <caption className="sr-only">Every version of the pathway, newest first</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>Version</th>
                <th scope="col" className={th}>Published</th>
                <th scope="col" className={th}>Published by</th>
                <th scope="col" className={`${th} text-right`}>Live people</th>
                <th scope="col" className={th}><span className="sr-only">Action</span></th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.id} data-testid={`pathway-version-${version.version}`}>
                  <th scope="row" className={`${td} text-left font-bold`}>
                    Version {version.version}
                    {version.current && <span className="block font-normal">(current)</span>}
                  </th>
                  <td className={td}>{formatLondonDateTime(version.publishedAt)}</td>
                  <td className={td}>{version.publishedByName ?? "Set up with the partnership"}</td>
                  <td className={`${td} text-right`} data-testid="live-people">{version.livePeople}</td>
                  <td className={td}>
                    {version.current ? (
                      <span className="text-muted">New people start on it</span>
                    ) : version.people > 0 ? (
                      <span className="text-muted">In use: kept</span>
                    ) : (
                      <DeleteVersionForm templateId={version.id} version={version.version} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScrollRegion>
      </section>
    </>
  );
}

export default titled("Pathway", PathwayPage);
