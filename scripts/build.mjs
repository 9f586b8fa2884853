#!/usr/bin/env node
// `npm run build`: the server (tsc, emit only) and the SPA (vite) side by side; each prints as
// it goes, and the build fails if either does.
import { spawn } from 'node:child_process';

const run = (workspace) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build', '-w', workspace], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });

const codes = await Promise.all([run('server'), run('web')]);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
