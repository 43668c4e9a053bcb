/**
 * Just enough of ELF, PE and Mach-O to find sections and map virtual addresses to file offsets, for binaries held
 * in memory. Shared by the Go build-info and Rust cargo-auditable readers. Every header field is bounds-checked
 * before it is read: a truncated or corrupt table answers undefined (not an executable), never a RangeError.
 */

export type ExecFormat = 'elf' | 'pe' | 'macho';

export interface Section {
  name: string;
  /** Virtual address (for PE: image base + RVA). */
  addr: number;
  offset: number;
  size: number;
}

export interface Executable {
  format: ExecFormat;
  sections: Section[];
  littleEndian: boolean;
  ptrSize: 4 | 8;
}

/** The format from the first bytes, or undefined for anything else (scripts, data). */
export function sniffExecFormat(head: Buffer): ExecFormat | undefined {
  if (head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return 'elf';
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return 'pe';
  if (head.length >= 4) {
    const m = head.readUInt32BE(0);
    if (m === 0xfeedface || m === 0xfeedfacf || m === 0xcefaedfe || m === 0xcffaedfe || m === 0xcafebabe) return 'macho';
  }
  return undefined;
}

export function readExecutable(d: Buffer): Executable | undefined {
  switch (sniffExecFormat(d)) {
    case 'elf':
      return readElf(d);
    case 'pe':
      return readPe(d);
    case 'macho':
      return readMachO(d);
    default:
      return undefined;
  }
}

/** File offset of `size` bytes at virtual address `addr`, or -1 when no section holds them. */
export function addrToOffset(exe: Executable, addr: number, size: number): number {
  for (const s of exe.sections) {
    if (s.offset === 0 && s.size === 0) continue;
    if (addr >= s.addr && addr + size <= s.addr + s.size) return s.offset + (addr - s.addr);
  }
  return -1;
}

export function sectionData(d: Buffer, exe: Executable, name: string): Buffer | undefined {
  const s = exe.sections.find((x) => x.name === name);
  if (!s || s.offset + s.size > d.length) return undefined;
  return d.subarray(s.offset, s.offset + s.size);
}

function readElf(d: Buffer): Executable | undefined {
  const is64 = d[4] === 2;
  // The ELF header is 52 bytes (32-bit) or 64 bytes (64-bit); a section header is at least 40 or 64 bytes.
  if (d.length < (is64 ? 64 : 52)) return undefined;
  const le = d[5] === 1;
  const u16 = (o: number): number => (le ? d.readUInt16LE(o) : d.readUInt16BE(o));
  const u32 = (o: number): number => (le ? d.readUInt32LE(o) : d.readUInt32BE(o));
  const uptr = (o: number): number => (is64 ? Number(le ? d.readBigUInt64LE(o) : d.readBigUInt64BE(o)) : u32(o));
  const shoff = uptr(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const shstrndx = u16(is64 ? 0x3e : 0x32);
  if (shnum > 0 && shentsize < (is64 ? 64 : 40)) return undefined;
  const raw: { nameOff: number; addr: number; offset: number; size: number; type: number }[] = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * shentsize;
    if (o + shentsize > d.length) return undefined;
    raw.push({
      nameOff: u32(o),
      type: u32(o + 4),
      addr: uptr(is64 ? o + 0x10 : o + 0x0c),
      offset: uptr(is64 ? o + 0x18 : o + 0x10),
      size: uptr(is64 ? o + 0x20 : o + 0x14),
    });
  }
  const strtab = raw[shstrndx];
  const name = (off: number): string => {
    if (!strtab) return '';
    const start = strtab.offset + off;
    const end = d.indexOf(0, start);
    return d.toString('latin1', start, end < 0 ? start : end);
  };
  const SHT_NOBITS = 8;
  return {
    format: 'elf',
    littleEndian: le,
    ptrSize: is64 ? 8 : 4,
    sections: raw.map((s) => ({ name: name(s.nameOff), addr: s.addr, offset: s.offset, size: s.type === SHT_NOBITS ? 0 : s.size })),
  };
}

function readPe(d: Buffer): Executable | undefined {
  if (d.length < 0x40) return undefined;
  const pe = d.readUInt32LE(0x3c);
  // The COFF header (24 bytes with the signature) and the optional header's first 32 bytes (up to the image base).
  if (pe + 24 + 32 > d.length || d.readUInt32LE(pe) !== 0x00004550) return undefined;
  const nsections = d.readUInt16LE(pe + 6);
  const optSize = d.readUInt16LE(pe + 20);
  const opt = pe + 24;
  const magic = d.readUInt16LE(opt);
  const is64 = magic === 0x20b;
  const imageBase = is64 ? Number(d.readBigUInt64LE(opt + 24)) : d.readUInt32LE(opt + 28);
  const sections: Section[] = [];
  let s = opt + optSize;
  for (let i = 0; i < nsections; i++, s += 40) {
    if (s + 40 > d.length) return undefined;
    const name = d.toString('latin1', s, s + 8).replace(/\0.*$/, '');
    const virtualSize = d.readUInt32LE(s + 8);
    const rva = d.readUInt32LE(s + 12);
    const rawSize = d.readUInt32LE(s + 16);
    const rawPtr = d.readUInt32LE(s + 20);
    sections.push({ name, addr: imageBase + rva, offset: rawPtr, size: Math.min(virtualSize || rawSize, rawSize) });
  }
  return { format: 'pe', littleEndian: true, ptrSize: is64 ? 8 : 4, sections };
}

/** A Java class file shares the universal magic; its "architecture count" (the class version) is 43 or more. */
const MAX_FAT_ARCHS = 42;

function readMachO(d: Buffer, nested = false): Executable | undefined {
  if (d.length < 4) return undefined;
  const m = d.readUInt32BE(0);
  if (m === 0xcafebabe) {
    // Universal binary: read the first architecture (fat_header, then fat_arch entries of 20 bytes).
    if (nested || d.length < 28) return undefined;
    const narch = d.readUInt32BE(4);
    if (narch === 0 || narch > MAX_FAT_ARCHS) return undefined;
    const off = d.readUInt32BE(16);
    // The slice must start after the header and its arch table and hold at least a Mach-O header.
    if (off < 8 + narch * 20 || off + 28 > d.length) return undefined;
    const inner = readMachO(d.subarray(off), true);
    return inner && { ...inner, sections: inner.sections.map((s) => ({ ...s, offset: s.offset + off })) };
  }
  const le = m === 0xcefaedfe || m === 0xcffaedfe;
  const is64 = m === 0xfeedfacf || m === 0xcffaedfe;
  if (!le && !is64 && m !== 0xfeedface) return undefined;
  if (d.length < (is64 ? 32 : 28)) return undefined;
  const u32 = (o: number): number => (le ? d.readUInt32LE(o) : d.readUInt32BE(o));
  const u64 = (o: number): number => Number(le ? d.readBigUInt64LE(o) : d.readBigUInt64BE(o));
  const ncmds = u32(16);
  let p = is64 ? 32 : 28;
  const sections: Section[] = [];
  for (let i = 0; i < ncmds; i++) {
    if (p + 8 > d.length) return undefined;
    const cmd = u32(p);
    const size = u32(p + 4);
    if (cmd === 0x19 || cmd === 0x1) {
      if (p + (is64 ? 72 : 56) > d.length) return undefined;
      const nsects = u32(p + (is64 ? 64 : 48));
      let s = p + (is64 ? 72 : 56);
      for (let j = 0; j < nsects; j++, s += is64 ? 80 : 68) {
        if (s + (is64 ? 80 : 68) > d.length) return undefined;
        const sect = d.toString('latin1', s, s + 16).replace(/\0.*$/, '');
        const seg = d.toString('latin1', s + 16, s + 32).replace(/\0.*$/, '');
        sections.push({
          name: `${seg},${sect}`,
          addr: is64 ? u64(s + 32) : u32(s + 32),
          size: is64 ? u64(s + 40) : u32(s + 36),
          offset: is64 ? u32(s + 48) : u32(s + 40),
        });
      }
    }
    if (size <= 0) return undefined;
    p += size;
  }
  return { format: 'macho', littleEndian: le, ptrSize: is64 ? 8 : 4, sections };
}
