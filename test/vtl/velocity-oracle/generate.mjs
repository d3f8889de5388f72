#!/usr/bin/env node
// Regenerates expected.json: renders every case of cases.json with Apache Velocity 1.7 (the real
// Java engine, configured like API Gateway with a 1000-iteration #foreach cap) through Oracle.java.
//
//   apt-get install -y velocity      # Debian package: /usr/share/java/velocity.jar (1.7)
//   node test/vtl/velocity-oracle/generate.mjs
//
// Or point VELOCITY_JARS at velocity-1.7.jar, commons-collections 3 and commons-lang 2 jars
// (colon-separated), e.g. from a Maven repository.
//
// All cases render in one engine, and Velocity keeps inline macros globally: give each macro
// a name no other case uses.
//
// Needs a JDK (javac/java 17 used). The tests read only expected.json, so they don't need Java.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const jars = process.env.VELOCITY_JARS
  ? process.env.VELOCITY_JARS.split(':')
  : ['/usr/share/java/velocity.jar', '/usr/share/java/commons-collections3.jar', '/usr/share/java/commons-lang.jar'];
const cases = JSON.parse(readFileSync(path.join(here, 'cases.json'), 'utf8'));
const work = mkdtempSync(path.join(os.tmpdir(), 'velocity-oracle-'));
const classes = path.join(work, 'classes');
execFileSync('javac', ['-cp', jars.join(':'), '-d', classes, path.join(here, 'Oracle.java')], { stdio: 'inherit' });
const templates = path.join(work, 'templates');
execFileSync('mkdir', ['-p', templates]);
cases.forEach((c, i) => writeFileSync(path.join(templates, `${String(i).padStart(4, '0')}.vtl`), c.template));
execFileSync('java', ['-cp', [...jars, classes].join(':'), 'Oracle', templates], { stdio: 'inherit' });
const version = execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const expected = cases.map((c, i) => ({
  name: c.name,
  template: c.template,
  output: readFileSync(path.join(templates, `${String(i).padStart(4, '0')}.out`), 'utf8'),
}));
writeFileSync(
  path.join(here, 'expected.json'),
  JSON.stringify({ generator: 'Apache Velocity 1.7 (Debian package velocity 1.7-6), directive.foreach.maxloops=1000, via Oracle.java', jdk: version.trim() || 'see java -version', cases: expected }, null, 2) + '\n',
);
console.log(`wrote ${expected.length} cases to expected.json`);
