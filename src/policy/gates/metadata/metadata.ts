import type { Gate } from '../../gate.js';
import type { PolicyContext } from '../../context.js';
import { reMatch } from '../../params.js';

const ATTRIBUTES = ['size', 'architecture', 'os_type', 'distro', 'distro_version', 'like_distro', 'layer_count'] as const;
const CHECKS = ['=', '!=', '>', '<', '>=', '<=', 'exists', 'not_exists', 'like', 'not_like', 'in', 'not_in'] as const;
const SIZE = /^([0-9]+)([kmgt]b)?$/;
const NUMERIC = new Set(['size', 'layer_count']);

/** `10mb` → bytes, 1024-based as Anchore's convert_bytes_size. */
export function parseSize(value: string): number {
  const m = SIZE.exec(value.trim().toLowerCase());
  if (!m) return Number.NaN;
  const mult = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[m[2] as 'kb'] ?? 1;
  return Number(m[1]) * mult;
}

/** The image's value for an attribute, as a string (undefined when unknown). */
export function imageAttribute(ctx: PolicyContext, attribute: string): string | undefined {
  switch (attribute) {
    case 'size':
      return String(ctx.image.layers.reduce((n, l) => n + l.size, 0));
    case 'architecture':
      return ctx.image.config.architecture || ctx.image.platform.architecture || undefined;
    case 'os_type':
      return ctx.image.config.os || ctx.image.platform.os || undefined;
    case 'distro':
      return ctx.distro?.id;
    case 'distro_version':
      // Anchore's distro_version is os-release's VERSION_ID (`12`), not the point release Portcullis matches with.
      return ctx.distro?.releaseVersionId ?? ctx.distro?.versionId;
    case 'like_distro':
      return ctx.distro?.idLike?.join(',') ?? ctx.distro?.id;
    case 'layer_count':
      return String(ctx.image.layers.length);
    default:
      return undefined;
  }
}

export const metadataGate: Gate = {
  name: 'metadata',
  description: 'Checks against image metadata, such as size, OS, distro, architecture, etc.',
  triggers: [
    {
      name: 'attribute',
      description: 'Triggers if a named image metadata value matches the given condition.',
      params: [
        { name: 'attribute', description: 'Attribute name to be checked.', type: 'enum', required: true, allowed: ATTRIBUTES, example: 'size' },
        { name: 'check', description: 'The operation to perform the evaluation.', type: 'enum', required: true, allowed: CHECKS, example: '>' },
        {
          name: 'value',
          description: 'Value used in comparison. For size, a byte count with an optional kb/mb/gb/tb suffix (1024-based); for layer_count, an integer.',
          type: 'string',
          required: false,
          example: '1073741824',
          validate: (value, params) => {
            const needsValue = !['exists', 'not_exists'].includes(params.check ?? '');
            if (!needsValue || ['in', 'not_in', 'like', 'not_like'].includes(params.check ?? '')) return undefined;
            if (params.attribute === 'size' && !SIZE.test(value.trim().toLowerCase())) return `must be a size such as 1073741824 or 500mb for attribute size, got ${JSON.stringify(value)}`;
            if (params.attribute === 'layer_count' && !/^\s*\d+\s*$/.test(value)) return `must be an integer for attribute layer_count, got ${JSON.stringify(value)}`;
            return undefined;
          },
        },
      ],
      evaluate: ({ ctx, params, problem }) => {
        const attribute = params.attribute as string;
        const check = params.check as string;
        const value = params.value as string | undefined;
        // Anchore returns without firing when the check needs a value and has none (or an empty one).
        if (!value && !['exists', 'not_exists'].includes(check)) {
          problem({ problem_type: 'missing_param', details: `check ${check} needs a value; the rule cannot fire` });
          return [];
        }
        const image = imageAttribute(ctx, attribute);
        const fired = compare(attribute, check, image, value ?? '');
        return fired ? [{ message: attributeMessage(attribute, check, value, image) }] : [];
      },
    },
  ],
};

/**
 * Anchore's text (anchore-engine `gates/image_metadata.py`): the check value as compared (a size in bytes, a
 * layer count as an integer), empty when there is none; the image value as Python formats it, `None` when absent
 * (asserted in anchore-engine `tests/unit/.../gates/test_image_metadata.py`).
 */
function attributeMessage(attribute: string, check: string, value: string | undefined, image: string | undefined): string {
  let shown = value ?? '';
  if (value && attribute === 'size') shown = String(parseSize(value));
  else if (value && attribute === 'layer_count') shown = String(Number.parseInt(value.trim(), 10));
  return `Attribute check for attribute: '${attribute}' check: '${check}' check_value: '${shown}' matched image value: '${image ?? 'None'}'`;
}

function compare(attribute: string, check: string, image: string | undefined, value: string): boolean {
  // Python truthiness, as Anchore's bool(x): a size or layer count of 0 does not exist.
  const present = image !== undefined && image !== '' && !(NUMERIC.has(attribute) && Number(image) === 0);
  if (check === 'exists') return present;
  if (check === 'not_exists') return !present;
  if (image === undefined) return false;
  const list = () => value.split(',').map((s) => s.trim());
  switch (check) {
    case 'like':
      return reMatch(value, image);
    case 'not_like':
      return !reMatch(value, image);
    case 'in':
      return list().includes(image);
    case 'not_in':
      return !list().includes(image);
  }
  if (NUMERIC.has(attribute)) {
    const a = Number(image);
    const b = attribute === 'size' ? parseSize(value) : Number(value);
    return cmp(check, a, b);
  }
  return cmp(check, image, value);
}

export function cmp<T extends number | string>(op: string, a: T, b: T): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    default:
      return false;
  }
}
