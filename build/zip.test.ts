import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from './test-support.ts';
import { createZip } from './zip.ts';

describe('createZip', () => {
  const entries = [
    { name: 'config.xml', data: Buffer.from('<widget/>\n') },
    { name: 'assets/app.js', data: Buffer.from('console.log("é");\n'.repeat(200)) },
    { name: 'icon.png', data: Buffer.from([137, 80, 78, 71, 0, 255]) },
  ];

  it('holds every file, byte for byte, under its path', () => {
    const files = readZip(createZip(entries));
    expect([...files.keys()]).toEqual(['config.xml', 'assets/app.js', 'icon.png']);
    for (const { name, data } of entries) expect(files.get(name)).toEqual(data);
  });

  it('is the same archive for the same files, so packages are reproducible', () => {
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
  });

  it.runIf(existsSync('/usr/bin/unzip'))('passes the Info-ZIP integrity test', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const file = join(dir, 'app.wgt');
      writeFileSync(file, createZip(entries));
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses names that would escape the install folder', () => {
    expect(() => createZip([{ name: '../evil.js', data: Buffer.alloc(0) }])).toThrow(/unsafe/);
    expect(() => createZip([{ name: '/etc/passwd', data: Buffer.alloc(0) }])).toThrow(/unsafe/);
  });
});
