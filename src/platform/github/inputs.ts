import * as core from '@actions/core';

/** The Action's inputs, read once into plain data. */
export interface ActionInputs {
  image: string;
  platform?: string;
}

export function readActionInputs(): ActionInputs {
  const platform = core.getInput('platform');
  return { image: core.getInput('image', { required: true }), ...(platform ? { platform } : {}) };
}
