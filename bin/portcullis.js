#!/usr/bin/env node
// The `portcullis` command: the committed CLI bundle.
import '../dist/cli/index.js';
