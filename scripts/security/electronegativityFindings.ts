import { z } from 'zod';

/**
 * The verdict on an Electronegativity scan: every finding must match an allowlist entry that gives a
 * reason, or the scan fails. Entries match on the check, the scanned target and the file, never on the
 * line, so an explained finding stays explained when code moves, and a new finding in another file
 * does not hide behind an old explanation.
 */

export const allowlistSchema = z.array(
  z.strictObject({
    ruleId: z.string().regex(/^[A-Z0-9_]+$/),
    /** Which scan: the built bundles (out/electron) or the sources (electron/). */
    target: z.enum(['bundle', 'source']),
    /** Path relative to the scanned folder, as the SARIF reports it; '*' for global checks. */
    file: z.string().min(1),
    reason: z.string().min(40),
    /** Where the behaviour the finding asks for is tested, when it is. */
    coveredBy: z.string().optional(),
  }),
);
export type AllowlistEntry = z.infer<typeof allowlistSchema>[number];

export interface Finding {
  readonly ruleId: string;
  readonly target: 'bundle' | 'source';
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const sarifSchema = z.object({
  runs: z.array(
    z.object({
      results: z.array(
        z.object({
          ruleId: z.string(),
          message: z.object({ text: z.string() }),
          locations: z
            .array(
              z.object({
                physicalLocation: z.object({
                  artifactLocation: z.object({ uri: z.string() }),
                  region: z.object({ startLine: z.number().optional() }).optional(),
                }),
              }),
            )
            .default([]),
        }),
      ),
    }),
  ),
});

/** Findings from Electronegativity's SARIF output; global checks (no file) get the file '*'. */
export function findingsFromSarif(sarif: unknown, target: Finding['target']): Finding[] {
  const parsed = sarifSchema.parse(sarif);
  return parsed.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations[0]?.physicalLocation;
      const uri = location?.artifactLocation.uri ?? '';
      const file = uri === '' || uri === 'file:///' ? '*' : uri.replace(/^file:\/\//, '');
      return { ruleId: result.ruleId, target, file, line: location?.region?.startLine ?? 0, message: result.message.text };
    }),
  );
}

const matches = (entry: AllowlistEntry, finding: Finding) =>
  entry.ruleId === finding.ruleId && entry.target === finding.target && entry.file === finding.file;

/** Findings no entry explains, and entries that no longer match any finding (stale explanations). */
export function judgeFindings(findings: readonly Finding[], allowlist: readonly AllowlistEntry[]) {
  return {
    unexplained: findings.filter((finding) => !allowlist.some((entry) => matches(entry, finding))),
    stale: allowlist.filter((entry) => !findings.some((finding) => matches(entry, finding))),
  };
}
