import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowlistSchema, findingsFromSarif, judgeFindings, type AllowlistEntry } from './electronegativityFindings';

const sarif = {
  runs: [
    {
      results: [
        {
          ruleId: 'CSP_GLOBAL_CHECK',
          level: 'warning',
          message: { text: 'No CSP has been detected in the target application' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1 } } }],
        },
        {
          ruleId: 'SANDBOX_JS_CHECK',
          level: 'warning',
          message: { text: 'Use sandbox for untrusted origins' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'main/main.ts' }, region: { startLine: 67 } } }],
        },
      ],
    },
  ],
};

const reason = 'A reason long enough to say why this finding does not apply here.';

describe('electronegativity verdict', () => {
  it('reads global and file findings from SARIF', () => {
    expect(findingsFromSarif(sarif, 'source')).toEqual([
      { ruleId: 'CSP_GLOBAL_CHECK', target: 'source', file: '*', line: 1, message: 'No CSP has been detected in the target application' },
      { ruleId: 'SANDBOX_JS_CHECK', target: 'source', file: 'main/main.ts', line: 67, message: 'Use sandbox for untrusted origins' },
    ]);
  });

  it('fails a finding no entry explains, even one of an explained check in another file or scan', () => {
    const findings = findingsFromSarif(sarif, 'source');
    const allowlist: AllowlistEntry[] = [
      { ruleId: 'CSP_GLOBAL_CHECK', target: 'source', file: '*', reason },
      { ruleId: 'SANDBOX_JS_CHECK', target: 'source', file: 'main/other.ts', reason },
      { ruleId: 'SANDBOX_JS_CHECK', target: 'bundle', file: 'main/main.ts', reason },
    ];
    const verdict = judgeFindings(findings, allowlist);
    expect(verdict.unexplained.map((finding) => finding.ruleId)).toEqual(['SANDBOX_JS_CHECK']);
    expect(verdict.stale).toHaveLength(2);
  });

  it('passes when every finding is explained', () => {
    const findings = findingsFromSarif(sarif, 'source');
    const allowlist: AllowlistEntry[] = [
      { ruleId: 'CSP_GLOBAL_CHECK', target: 'source', file: '*', reason },
      { ruleId: 'SANDBOX_JS_CHECK', target: 'source', file: 'main/main.ts', reason },
    ];
    expect(judgeFindings(findings, allowlist)).toEqual({ unexplained: [], stale: [] });
  });

  it('requires a real reason for every allowlist entry, and the shipped allowlist has one', () => {
    expect(allowlistSchema.safeParse([{ ruleId: 'CSP_GLOBAL_CHECK', target: 'source', file: '*', reason: 'fine' }]).success).toBe(false);
    const shipped = allowlistSchema.parse(JSON.parse(readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8')));
    expect(shipped.length).toBeGreaterThan(0);
  });
});
