// A broken catalog fails to load with one CatalogError naming each problem's file, line and expected form.

import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ConfigurationError } from '../../lib/errors.ts';
import { CatalogError, formatIssue } from '../../catalog/index.ts';
import type { CatalogIssue } from '../../catalog/index.ts';
import { issuesOf, replaceOnce, withBrokenCopy } from './broken-copy.ts';

/** The only issue, which must sit in `file` at `line` and match `message`. */
function assertSingleIssue(issues: readonly CatalogIssue[], file: string, line: number, message: RegExp): void {
  assert.equal(issues.length, 1, issues.map(formatIssue).join('\n'));
  const [issue] = issues;
  assert.equal(issue?.file, file);
  assert.equal(issue?.line, line);
  assert.match(issue?.message ?? '', message);
}

const duplicateOffer = `- id: essentiel-2019
  name: Essentiel bis
  year: 2019
  since: v9
  legacy: false
  modules: [recordings]
  maxDevices: 1
  retentionDays: 7
  monthlyPriceCents: 100
  monthlyQuotas: { sms: 0, email: 0 }
`;

describe('loading a broken catalog', () => {
  it('names the line of a duplicate id and where the id was first defined', () => {
    withBrokenCopy({ 'offers.yaml': (text) => text + duplicateOffer }, ({ dir, path, lineOf }) => {
      const first = lineOf('offers.yaml', '- id: essentiel-2019');
      const { issues } = issuesOf(dir);
      assertSingleIssue(issues, path('offers.yaml'), lineOf('offers.yaml', 'name: Essentiel bis') - 1,
        new RegExp(`^duplicate offer id "essentiel-2019" \\(first defined at line ${first}\\); ids must be unique$`));
    });
  });

  it('names the offer, the unknown module and the known modules', () => {
    withBrokenCopy({ 'offers.yaml': replaceOnce('modules: [recordings, sms]\n', 'modules: [recordings, sms2]\n') }, ({ dir, path, lineOf }) => {
      const { error, issues } = issuesOf(dir);
      const line = lineOf('offers.yaml', 'sms2');
      assertSingleIssue(issues, path('offers.yaml'), line,
        /^offer "serenite-2011" names unknown module "sms2" in "modules\[1\]" \(known: recordings, ai, monitoring, sms, email, home-care, alarm-panels, connected-objects\)$/);
      assert.ok(error.message.includes(`offers.yaml:${line}: offer "serenite-2011" names unknown module "sms2"`), error.message);
    });
  });

  it('gives the line of the very list item when a block list names an unknown module', () => {
    const edit = replaceOnce('  modules: [recordings, sms, home-care]\n', '  modules:\n    - recordings\n    - sms\n    - homecare\n');
    withBrokenCopy({ 'offers.yaml': edit }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('offers.yaml'), lineOf('offers.yaml', '- homecare'), /offer "senior-2018" names unknown module "homecare"/);
    });
  });

  it('names a camera model whose generation is unknown', () => {
    const edit = replaceOnce('name: Vigie 360\n  year: 2019\n  generation: mqtt3', 'name: Vigie 360\n  year: 2019\n  generation: mqtt4');
    withBrokenCopy({ 'camera-models.yaml': edit }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('camera-models.yaml'), lineOf('camera-models.yaml', 'generation: mqtt4'),
        /^camera model "vigie-360-2019" names unknown generation "mqtt4" in "generation" \(known: http-push, https-json, mqtt3, mqtt5\)$/);
    });
  });

  it('names a white label whose partner is unknown', () => {
    withBrokenCopy({ 'white-labels.yaml': replaceOnce('partner: maisoneo\n', 'partner: maisonneo\n') }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('white-labels.yaml'), lineOf('white-labels.yaml', 'partner: maisonneo'),
        /^white label "maisoneo-cam" names unknown partner "maisonneo" in "partner" \(known: veilis, assur-plus, .*\)$/);
    });
  });

  it('names a missing field and its expected form, at the line of its entry', () => {
    const edit = replaceOnce('  monthlyPriceCents: 499\n', '');
    withBrokenCopy({ 'offers.yaml': edit }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('offers.yaml'), lineOf('offers.yaml', '- id: serenite-2011'),
        /^offer "serenite-2011" is missing "monthlyPriceCents" \(expected an integer ≥ 0\)$/);
    });
  });

  it('names a field given without a value', () => {
    withBrokenCopy({ 'modules.yaml': replaceOnce('{ id: ai, name: Classification IA, since: v9 }', '{ id: ai, name: Classification IA, since: }') }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('modules.yaml'), lineOf('modules.yaml', 'id: ai'), /^module "ai" is missing "since" \(expected one of v9, v10\)$/);
    });
  });

  it('names a mistyped field, its expected form and the value seen', () => {
    withBrokenCopy({ 'offers.yaml': replaceOnce('maxDevices: 32\n', 'maxDevices: "32 caméras"\n') }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('offers.yaml'), lineOf('offers.yaml', '32 caméras'),
        /^offer "pro-2020": "maxDevices" must be an integer ≥ 1, got "32 caméras"$/);
    });
  });

  it('names a nested field with the wrong form', () => {
    withBrokenCopy({ 'white-labels.yaml': replaceOnce('primary: "#6a1b9a"', 'primary: violet') }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('white-labels.yaml'), lineOf('white-labels.yaml', 'primary: violet'),
        /^white label "box-vigilance": "colors.primary" must be a hex colour like "#0b5fff", got "violet"$/);
    });
  });

  it('refuses an SMS sender longer than eleven characters', () => {
    withBrokenCopy({ 'white-labels.yaml': replaceOnce('smsSender: MAISONEO\n', 'smsSender: MAISONEOCAMERA\n') }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('white-labels.yaml'), lineOf('white-labels.yaml', 'MAISONEOCAMERA'),
        /"smsSender" must be an SMS sender of 3 to 11 letters or digits .*, got "MAISONEOCAMERA"$/);
    });
  });

  it('names a misspelt key and lists the expected keys', () => {
    withBrokenCopy({ 'alarm-panels.yaml': replaceOnce('protocol: mqtt, encryption: false', 'protocol: mqtt, encrypted: false') }, ({ dir, path, lineOf }) => {
      const line = lineOf('alarm-panels.yaml', 'encrypted');
      const { issues } = issuesOf(dir);
      assert.deepEqual(issues.map(formatIssue), [
        `${path('alarm-panels.yaml')}:${line}: alarm panel "hub-domo-h1" has unknown key "encrypted" (expected keys: id, name, protocol, encryption)`,
        `${path('alarm-panels.yaml')}:${line}: alarm panel "hub-domo-h1" is missing "encryption" (expected true or false)`,
      ]);
    });
  });

  it('reports malformed YAML at the line the parser gives', () => {
    withBrokenCopy({ 'payment-methods.yaml': replaceOnce('- { id: sepa, name: Prélèvement SEPA }', '- { id: sepa, name: Prélèvement SEPA') }, ({ dir, path, lineOf }) => {
      const { issues } = issuesOf(dir);
      assert.ok(issues.length >= 1);
      for (const issue of issues) {
        assert.equal(issue.file, path('payment-methods.yaml'));
        assert.match(issue.message, /^YAML syntax error: /);
      }
      assert.equal(issues[0]?.line, lineOf('payment-methods.yaml', 'partner-invoice'));
    });
  });

  it('reports a key repeated in one entry as a YAML error with its line', () => {
    withBrokenCopy({ 'partners.yaml': replaceOnce('  kind: retailer\n', '  kind: retailer\n  kind: telecom\n') }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('partners.yaml'), lineOf('partners.yaml', 'kind: retailer') + 1,
        /^YAML syntax error: Map keys must be unique \(DUPLICATE_KEY\)$/);
    });
  });

  it('reports a file that is not a list of entries', () => {
    withBrokenCopy({ 'objects.yaml': () => '# Connected objects.\nid: x\nname: y\n' }, ({ dir, path }) => {
      assertSingleIssue(issuesOf(dir).issues, path('objects.yaml'), 2, /^expected a YAML list of connected objects \("- id: \.\.\."\), got a map$/);
    });
  });

  it('names a missing file', () => {
    withBrokenCopy({}, ({ dir, path }) => {
      unlinkSync(path('objects.yaml'));
      const [issue] = issuesOf(dir).issues;
      assert.equal(issue?.file, path('objects.yaml'));
      assert.match(issue?.message ?? '', /^cannot read the file \(ENOENT\)/);
    });
  });

  it('refuses a V10-only module in an offer sold since V9', () => {
    withBrokenCopy({ 'offers.yaml': replaceOnce('modules: [recordings, ai, sms, email]\n', 'modules: [recordings, ai, sms, email, connected-objects]\n') }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('offers.yaml'), lineOf('offers.yaml', 'email, connected-objects'),
        /^offer "intelligence-2019" includes V10-only module "connected-objects" but says since: v9; set since: v10$/);
    });
  });

  it('refuses a camera model dated outside its generation', () => {
    withBrokenCopy({ 'camera-models.yaml': replaceOnce('name: Lynx HD\n  year: 2015', 'name: Lynx HD\n  year: 2019') }, ({ dir, path, lineOf }) => {
      assertSingleIssue(issuesOf(dir).issues, path('camera-models.yaml'), lineOf('camera-models.yaml', 'year: 2019'),
        /^camera model "lynx-hd-2015" dates from 2019 but generation https-json covers 2014–2017/);
    });
  });

  it('collects the problems of every file into one CatalogError', () => {
    const edits = {
      'offers.yaml': replaceOnce('modules: [recordings, sms]\n', 'modules: [recordings, sms2]\n'),
      'camera-models.yaml': replaceOnce('generation: http-push\n  firmware: ["1.4.2"]', 'generation: push\n  firmware: ["1.4.2"]'),
      'white-labels.yaml': replaceOnce('partner: veilleurs-solidaires', 'partner: veilleurs'),
      'alarm-panels.yaml': replaceOnce('encryption: true }\n- { id: centrale-c3', 'encryption: yes }\n- { id: centrale-c3'),
    };
    withBrokenCopy(edits, ({ dir, path }) => {
      const { error, issues } = issuesOf(dir);
      assert.ok(error instanceof CatalogError && error instanceof ConfigurationError);
      assert.deepEqual(issues.map((i) => i.file), ['white-labels.yaml', 'offers.yaml', 'camera-models.yaml', 'alarm-panels.yaml'].map(path));
      assert.match(error.message, /^\[configuration\] the catalog has 4 errors; fix the YAML and run again:\n/);
      for (const issue of issues) assert.ok(error.message.includes(formatIssue(issue)));
    });
  });
});
