// Builders shared by the demo seed and the tests, so both make data the same way the app does.
import { randomUUID } from "node:crypto";
import { DEFAULT_PATHWAY, type PathwayTemplate } from "../src/domain/pathway/template";
import { toLondonInputValue } from "../src/domain/time/london";
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind, type Role } from "../src/domain/types";
import type { Db } from "../src/server/db/create-client";
import { hashPassword } from "../src/server/auth/password";
import { sealTotpSecret } from "../src/server/auth/totp-secret-box";
import { DEMO_TOTP_SECRET } from "./demo-accounts";

// Every kind a partnership needs; charities join partnerships case by case.
const PARTNERSHIP_AGENCIES = AGENCY_KINDS.filter((kind) => kind !== "CHARITY");

export type PartnershipFixture = Awaited<ReturnType<typeof createPartnership>>;

/** A partnership with one agency of each kind and the default pathway as template version 1. */
export async function createPartnership(
  db: Db,
  options: { name?: string; slug?: string; agencyNames?: Partial<Record<AgencyKind, string>>; pathway?: PathwayTemplate } = {},
) {
  const slug = options.slug ?? `test-${randomUUID().slice(0, 8)}`;
  const pathway = options.pathway ?? DEFAULT_PATHWAY;
  const partnership = await db.partnership.create({ data: { name: options.name ?? `Partnership ${slug}`, slug } });
  const agencies = {} as Record<AgencyKind, { id: string; name: string; kind: AgencyKind }>;
  for (const kind of PARTNERSHIP_AGENCIES) {
    agencies[kind] = await db.agency.create({
      data: { partnershipId: partnership.id, kind, name: options.agencyNames?.[kind] ?? `${AGENCY_KIND_LABELS[kind]} (${slug})` },
    });
  }
  const template = await db.pathwayTemplate.create({
    data: {
      partnershipId: partnership.id,
      version: pathway.version,
      name: pathway.name,
      atRiskPercent: pathway.atRiskPercent,
      stages: { create: pathway.stages.map(({ ownerAgencyKind, ...stage }) => ({ ...stage, ownerAgencyId: agencies[ownerAgencyKind].id })) },
    },
    include: { stages: true },
  });
  return { partnership, agencies, template };
}

/**
 * One more agency in a partnership: a second charity or council, say. `createPartnership` makes one of
 * each kind (keyed by kind); this is how a test gets several of one kind.
 */
export async function createAgency(db: Db, options: { partnershipId: string; kind: AgencyKind; name: string; retiredAt?: Date }) {
  return db.agency.create({
    data: { partnershipId: options.partnershipId, kind: options.kind, name: options.name, retiredAt: options.retiredAt ?? null },
    select: { id: true, name: true, kind: true },
  });
}

let cachedTestHash: Promise<string> | undefined;

/** A user in an agency. Tests share one password hash: scrypt is slow on purpose. */
export async function createUser(
  db: Db,
  options: {
    agencyId: string;
    role: Role;
    email?: string;
    name?: string;
    password?: string;
    passwordHash?: string;
    active?: boolean;
    /** The TOTP secret (base32) the account is enrolled with: the published demo one unless given; null for none yet. */
    totpSecret?: string | null;
  },
) {
  const passwordHash =
    options.passwordHash ?? (options.password ? await hashPassword(options.password) : await (cachedTestHash ??= hashPassword("test-password-not-secret")));
  const id = randomUUID();
  const totpSecret = options.totpSecret === undefined ? DEMO_TOTP_SECRET : options.totpSecret;
  return db.user.create({
    data: {
      id,
      ...(totpSecret ? { totpSecret: sealTotpSecret(id, totpSecret), totpEnrolledAt: new Date() } : {}),
      agencyId: options.agencyId,
      role: options.role,
      email: options.email ?? `user-${randomUUID()}@test.example`,
      name: options.name ?? `Test ${options.role.toLowerCase()}`,
      passwordHash,
      active: options.active ?? true,
    },
  });
}

/** Form-shaped input for one person (as the log-rescue form posts it). */
export function personFormInput(overrides: Record<string, unknown> = {}) {
  return {
    name: "",
    description: "Woman, about 30, speaks Romanian (fictional)",
    ageGroup: "ADULT",
    gender: "FEMALE",
    nationality: "Romanian",
    languages: "Romanian",
    interpreterNeeded: "yes",
    exploitationType: "LABOUR",
    immediateNeeds: ["Food and water", "Rest"],
    otherNeeds: "",
    ...overrides,
  };
}

/** Form-shaped input for a rescue (as the log-rescue form posts it). */
export function rescueFormInput(options: { occurredAt?: Date; people?: Record<string, unknown>[] } & Record<string, unknown> = {}) {
  const { occurredAt, people, ...overrides } = options;
  return {
    idempotencyKey: randomUUID(),
    occurredAt: toLondonInputValue(occurredAt ?? new Date(Date.now() - 30 * 60_000)),
    place: "Middlesbrough",
    operationReference: "OP-FICTIONAL-1",
    people: people ?? [personFormInput()],
    ...overrides,
  };
}
