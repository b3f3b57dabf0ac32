/**
 * Lists a pack source folder: the pack's YAML files, every article file under `articles/`,
 * the files skipped on purpose, and the problems of the folder itself (unsupported article
 * types, oversized files, symbolic links leading out of the folder, unknown YAML files).
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import type { PackProblem } from '../../../../shared/packs/pack-schemas';
import {
  MAX_ARTICLE_FILES,
  MAX_FILE_BYTES,
  PACK_FILES,
  articleFormatOf,
  classifyArticleName,
  extensionOf,
  formatBytes,
  isIgnoredName,
  type ArticleFormat,
  type PackFileName,
} from './source-limits';
import { didYouMean } from '../../../../shared/did-you-mean';

export interface SourceFile {
  /** Relative to the pack folder, forward slashes. */
  rel: string;
  /** Resolved path to read. */
  path: string;
}

export interface SourceListing {
  packFiles: Partial<Record<PackFileName, SourceFile>>;
  articles: (SourceFile & { format: ArticleFormat })[];
  problems: PackProblem[];
  /** Files and folders skipped on purpose: hidden files, pictures, READMEs beside the pack. */
  ignored: string[];
}

type Resolved = { kind: 'file' | 'dir' | 'other'; path: string; size: number };

/** List a pack source folder. The folder itself must exist (the caller checks). */
export async function listSourceFiles(root: string): Promise<SourceListing> {
  const realRoot = await realpath(root);
  const listing: SourceListing = { packFiles: {}, articles: [], problems: [], ignored: [] };
  const visited = new Set<string>([realRoot]);
  const problem = (file: string, message: string) => listing.problems.push({ file, message });

  const resolve = async (dirent: Dirent, path: string, rel: string): Promise<Resolved | null> => {
    let target = path;
    if (dirent.isSymbolicLink()) {
      try {
        target = await realpath(path);
      } catch {
        problem(rel, 'broken symbolic link: its target does not exist');
        return null;
      }
      const inside = relative(realRoot, target);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        problem(
          rel,
          `symbolic link to ${target}, outside the pack folder: refused (copy the file into the folder instead)`,
        );
        return null;
      }
    }
    const info = await stat(target);
    return {
      kind: info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'other',
      path: target,
      size: info.size,
    };
  };
  const withinLimit = (entry: Resolved, rel: string) => {
    if (entry.size <= MAX_FILE_BYTES) return true;
    problem(
      rel,
      `the file is ${formatBytes(entry.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)} per file`,
    );
    return false;
  };

  const walkArticles = async (dir: string, relDir: string): Promise<void> => {
    for (const dirent of await sortedEntries(dir)) {
      const rel = `${relDir}/${dirent.name}`;
      if (isIgnoredName(dirent.name)) {
        listing.ignored.push(rel);
        continue;
      }
      const entry = await resolve(dirent, join(dir, dirent.name), rel);
      if (!entry) continue;
      if (entry.kind === 'dir') {
        if (visited.has(entry.path)) {
          problem(
            rel,
            'links to a folder that is already read: refused, so no article is read twice',
          );
          continue;
        }
        visited.add(entry.path);
        await walkArticles(entry.path, rel);
      } else if (entry.kind === 'other') {
        problem(rel, 'not a regular file or folder');
      } else {
        const verdict = classifyArticleName(dirent.name);
        if (verdict === 'ignored') listing.ignored.push(rel);
        else if (verdict === 'unsupported') {
          const type = extensionOf(dirent.name) || 'files without an extension';
          problem(
            rel,
            `unsupported article type (${type}): its content would be left out; convert it to Markdown (.md), HTML (.html) or plain text (.txt)`,
          );
        } else if (listing.articles.length >= MAX_ARTICLE_FILES) {
          problem(rel, `more than ${MAX_ARTICLE_FILES} article files: split the pack`);
          return;
        } else if (withinLimit(entry, rel)) {
          listing.articles.push({ rel, path: entry.path, format: articleFormatOf(dirent.name)! });
        }
      }
    }
  };

  for (const dirent of await sortedEntries(realRoot)) {
    const name = dirent.name;
    const known = PACK_FILES.find((file) => file === name);
    if (known || name === 'articles') {
      const entry = await resolve(dirent, join(realRoot, name), name);
      if (!entry) continue;
      if (known && entry.kind === 'file' && withinLimit(entry, name))
        listing.packFiles[known] = { rel: name, path: entry.path };
      else if (known && entry.kind !== 'file') problem(name, `${name} must be a file`);
      else if (!known && entry.kind === 'dir') {
        visited.add(entry.path);
        await walkArticles(entry.path, 'articles');
      } else if (!known) problem(name, 'articles must be a folder of article files');
    } else if (isIgnoredName(name)) {
      listing.ignored.push(name);
    } else if (/\.ya?ml$/i.test(name)) {
      problem(
        name,
        `unknown pack file, it is not read: a pack source has ${PACK_FILES.join(', ')}${didYouMean(name.replace(/\.yml$/i, '.yaml'), PACK_FILES) || didYouMean(name, PACK_FILES)}`,
      );
    } else if (dirent.isDirectory() && didYouMean(name, ['articles'])) {
      problem(name, `folder is not read: articles go in a folder named "articles"`);
    } else {
      listing.ignored.push(name);
    }
  }
  return listing;
}

/** Directory entries in a stable, locale-independent order. */
async function sortedEntries(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
