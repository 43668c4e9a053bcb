import { ConfigurationError, getErrorMessage, ImageError } from '../common/errors.js';
import { BARE_NAME_ORDER, IMAGE_SOURCES } from './list.js';
import { readImage, type ReadImageOptions } from './read-image.js';
import { parseReference } from './reference.js';
import { sniffImagePath } from './sniff.js';
import type { ImageSource, OpenedImage, SourceOptions } from './source.js';

export function knownSchemes(): string[] {
  return IMAGE_SOURCES.flatMap((s) => s.schemes);
}

function sourceForScheme(scheme: string): ImageSource {
  const s = IMAGE_SOURCES.find((x) => x.schemes.includes(scheme));
  if (!s) throw new ConfigurationError(`unknown image scheme "${scheme}"; known: ${knownSchemes().join(', ')}`);
  return s;
}

/**
 * Opens `scheme:location`. A bare name tries the daemon, then the registry; when every one fails, the error
 * says what each said.
 */
export async function openImage(raw: string, options: SourceOptions, signal?: AbortSignal): Promise<OpenedImage> {
  const ref = parseReference(raw, knownSchemes());
  if (ref.scheme) return sourceForScheme(ref.scheme).open(ref, options, signal);
  // A path on disk (`scan app.tar`, `scan ./layout`) is read by what its content is; see sniff.ts.
  const sniffed = await sniffImagePath(ref.location);
  if (sniffed) {
    options.logger.info(`${ref.location}: reading it as ${sniffed}:${ref.location}`);
    return sourceForScheme(sniffed).open({ ...ref, scheme: sniffed }, options, signal);
  }
  const tried: string[] = [];
  for (const scheme of BARE_NAME_ORDER) {
    const source = IMAGE_SOURCES.find((x) => x.schemes.includes(scheme));
    if (!source) continue;
    try {
      return await source.open({ ...ref, scheme }, options, signal);
    } catch (e) {
      options.logger.debug(`${scheme}: ${getErrorMessage(e)}`);
      tried.push(`${scheme}: ${getErrorMessage(e)}`);
    }
  }
  if (tried.length === 0) {
    throw new ConfigurationError(`"${raw}" has no scheme; use one of ${knownSchemes().map((s) => `${s}:`).join(', ')}`);
  }
  throw new ImageError(`cannot open image "${raw}": ${tried.join('; ')}`);
}

/** Opens and reads an image in one go. */
export async function loadImage(raw: string, options: SourceOptions & ReadImageOptions): Promise<Awaited<ReturnType<typeof readImage>>> {
  const opened = await openImage(raw, options, options.signal);
  return readImage(opened, options);
}
