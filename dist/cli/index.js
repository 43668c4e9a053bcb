#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 437:
/***/ ((__unused_webpack_module, exports) => {


// Some numerical data is initialized as -1 even when it doesn't need initialization to help the JIT infer types
// aliases for shorter compressed code (most minifers don't do this)
var ab = ArrayBuffer, u8 = Uint8Array, u16 = Uint16Array, i16 = Int16Array, u32 = (/* unused pure expression or super */ null && (Uint32Array)), i32 = Int32Array;
var slc = function (v, s, e) {
    if (u8.prototype.slice)
        return u8.prototype.slice.call(v, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    var n = new u8(e - s);
    n.set(v.subarray(s, e));
    return n;
};
var fill = function (v, n, s, e) {
    if (u8.prototype.fill)
        return u8.prototype.fill.call(v, n, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    for (; s < e; ++s)
        v[s] = n;
    return v;
};
var cpw = function (v, t, s, e) {
    if (u8.prototype.copyWithin)
        return u8.prototype.copyWithin.call(v, t, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    while (s < e) {
        v[t++] = v[s++];
    }
};
/**
 * Codes for errors generated within this library
 */
exports.ZstdErrorCode = {
    InvalidData: 0,
    WindowSizeTooLarge: 1,
    InvalidBlockType: 2,
    FSEAccuracyTooHigh: 3,
    DistanceTooFarBack: 4,
    UnexpectedEOF: 5
};
// error codes
var ec = [
    'invalid zstd data',
    'window size too large (>2046MB)',
    'invalid block type',
    'FSE accuracy too high',
    'match distance too far back',
    'unexpected EOF'
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
var rb = function (d, b, n) {
    var i = 0, o = 0;
    for (; i < n; ++i)
        o |= d[b++] << (i << 3);
    return o;
};
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read Zstandard frame header
var rzfh = function (dat, w) {
    var n3 = dat[0] | (dat[1] << 8) | (dat[2] << 16);
    if (n3 == 0x2FB528 && dat[3] == 253) {
        // Zstandard
        var flg = dat[4];
        //    single segment       checksum             dict flag     frame content flag
        var ss = (flg >> 5) & 1, cc = (flg >> 2) & 1, df = flg & 3, fcf = flg >> 6;
        if (flg & 8)
            err(0);
        // byte
        var bt = 6 - ss;
        // dict bytes
        var db = df == 3 ? 4 : df;
        // dictionary id
        var di = rb(dat, bt, db);
        bt += db;
        // frame size bytes
        var fsb = fcf ? (1 << fcf) : ss;
        // frame source size
        var fss = rb(dat, bt, fsb) + ((fcf == 1) && 256);
        // window size
        var ws = fss;
        if (!ss) {
            // window descriptor
            var wb = 1 << (10 + (dat[5] >> 3));
            ws = wb + (wb >> 3) * (dat[5] & 7);
        }
        if (ws > 2145386496)
            err(1);
        var buf = new u8((w == 1 ? (fss || ws) : w ? 0 : ws) + 12);
        buf[0] = 1, buf[4] = 4, buf[8] = 8;
        return {
            b: bt + fsb,
            y: 0,
            l: 0,
            d: di,
            w: (w && w != 1) ? w : buf.subarray(12),
            e: ws,
            o: new i32(buf.buffer, 0, 3),
            u: fss,
            c: cc,
            m: Math.min(131072, ws)
        };
    }
    else if (((n3 >> 4) | (dat[3] << 20)) == 0x184D2A5) {
        // skippable
        return b4(dat, 4) + 8;
    }
    err(0);
};
// most significant bit for nonzero
var msb = function (val) {
    var bits = 0;
    for (; (1 << bits) <= val; ++bits)
        ;
    return bits - 1;
};
// read finite state entropy
var rfse = function (dat, bt, mal) {
    // table pos
    var tpos = (bt << 3) + 4;
    // accuracy log
    var al = (dat[bt] & 15) + 5;
    if (al > mal)
        err(3);
    // size
    var sz = 1 << al;
    // probabilities symbols  repeat   index   high threshold
    var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
    // optimization: single allocation is much faster
    var buf = new ab(512 + (sz << 2));
    var freq = new i16(buf, 0, 256);
    // same view as freq
    var dstate = new u16(buf, 0, 256);
    var nstate = new u16(buf, 512, sz);
    var bb1 = 512 + (sz << 1);
    var syms = new u8(buf, bb1, sz);
    var nbits = new u8(buf, bb1 + sz);
    while (sym < 255 && probs > 0) {
        var bits = msb(probs + 1);
        var cbt = tpos >> 3;
        // mask
        var msk = (1 << (bits + 1)) - 1;
        var val = ((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (tpos & 7)) & msk;
        // mask (1 fewer bit)
        var msk1fb = (1 << bits) - 1;
        // max small value
        var msv = msk - probs - 1;
        // small value
        var sval = val & msk1fb;
        if (sval < msv)
            tpos += bits, val = sval;
        else {
            tpos += bits + 1;
            if (val > msk1fb)
                val -= msv;
        }
        freq[++sym] = --val;
        if (val == -1) {
            probs += val;
            syms[--ht] = sym;
        }
        else
            probs -= val;
        if (!val) {
            do {
                // repeat byte
                var rbt = tpos >> 3;
                re = ((dat[rbt] | (dat[rbt + 1] << 8)) >> (tpos & 7)) & 3;
                tpos += 2;
                sym += re;
            } while (re == 3);
        }
    }
    if (sym > 255 || probs)
        err(0);
    var sympos = 0;
    // sym step (coprime with sz - formula from zstd source)
    var sstep = (sz >> 1) + (sz >> 3) + 3;
    // sym mask
    var smask = sz - 1;
    for (var s = 0; s <= sym; ++s) {
        var sf = freq[s];
        if (sf < 1) {
            dstate[s] = -sf;
            continue;
        }
        // This is split into two loops in zstd to avoid branching, but as JS is higher-level that is unnecessary
        for (i = 0; i < sf; ++i) {
            syms[sympos] = s;
            do {
                sympos = (sympos + sstep) & smask;
            } while (sympos >= ht);
        }
    }
    // After spreading symbols, should be zero again
    if (sympos)
        err(0);
    for (i = 0; i < sz; ++i) {
        // next state
        var ns = dstate[syms[i]]++;
        // num bits
        var nb = nbits[i] = al - msb(ns);
        nstate[i] = (ns << nb) - sz;
    }
    return [(tpos + 7) >> 3, {
            b: al,
            s: syms,
            n: nbits,
            t: nstate
        }];
};
// read huffman
var rhu = function (dat, bt) {
    //  index  weight count
    var i = 0, wc = -1;
    //    buffer             header byte
    var buf = new u8(292), hb = dat[bt];
    // huffman weights
    var hw = buf.subarray(0, 256);
    // rank count
    var rc = buf.subarray(256, 268);
    // rank index
    var ri = new u16(buf.buffer, 268);
    // NOTE: at this point bt is 1 less than expected
    if (hb < 128) {
        // end byte, fse decode table
        var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
        bt += hb;
        var epos = ebt << 3;
        // last byte
        var lb = dat[bt];
        if (!lb)
            err(0);
        //  state1   state2   state1 bits   state2 bits
        var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
        // fse pos
        // pre-increment to account for original deficit of 1
        var fpos = (++bt << 3) - 8 + msb(lb);
        for (;;) {
            fpos -= btr1;
            if (fpos < epos)
                break;
            var cbt = fpos >> 3;
            st1 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr1) - 1);
            hw[++wc] = fdt.s[st1];
            fpos -= btr2;
            if (fpos < epos)
                break;
            cbt = fpos >> 3;
            st2 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr2) - 1);
            hw[++wc] = fdt.s[st2];
            btr1 = fdt.n[st1];
            st1 = fdt.t[st1];
            btr2 = fdt.n[st2];
            st2 = fdt.t[st2];
        }
        if (++wc > 255)
            err(0);
    }
    else {
        wc = hb - 127;
        for (; i < wc; i += 2) {
            var byte = dat[++bt];
            hw[i] = byte >> 4;
            hw[i + 1] = byte & 15;
        }
        ++bt;
    }
    // weight exponential sum
    var wes = 0;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        // bits must be at most 11, same as weight
        if (wt > 11)
            err(0);
        wes += wt && (1 << (wt - 1));
    }
    // max bits
    var mb = msb(wes) + 1;
    // table size
    var ts = 1 << mb;
    // remaining sum
    var rem = ts - wes;
    // must be power of 2
    if (rem & (rem - 1))
        err(0);
    hw[wc++] = msb(rem) + 1;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        ++rc[hw[i] = wt && (mb + 1 - wt)];
    }
    // huf buf
    var hbuf = new u8(ts << 1);
    //    symbols                      num bits
    var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
    ri[mb] = 0;
    for (i = mb; i > 0; --i) {
        var pv = ri[i];
        fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << (mb - i)));
    }
    if (ri[0] != ts)
        err(0);
    for (i = 0; i < wc; ++i) {
        var bits = hw[i];
        if (bits) {
            var code = ri[bits];
            fill(syms, i, code, ri[bits] = code + (1 << (mb - bits)));
        }
    }
    return [bt, {
            n: nb,
            b: mb,
            s: syms
        }];
};
// Tables generated using this:
// https://gist.github.com/101arrowz/a979452d4355992cbf8f257cbffc9edd
// default literal length table
var dllt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    81, 16, 99, 140, 49, 198, 24, 99, 12, 33, 196, 24, 99, 102, 102, 134, 70, 146, 4
]), 0, 6)[1];
// default match length table
var dmlt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    33, 20, 196, 24, 99, 140, 33, 132, 16, 66, 8, 33, 132, 16, 66, 8, 33, 68, 68, 68, 68, 68, 68, 68, 68, 36, 9
]), 0, 6)[1];
// default offset code table
var doct = /*#__PURE__ */ rfse(/*#__PURE__*/ new u8([
    32, 132, 16, 66, 102, 70, 68, 68, 68, 68, 36, 73, 2
]), 0, 5)[1];
// bits to baseline
var b2bl = function (b, s) {
    var len = b.length, bl = new i32(len);
    for (var i = 0; i < len; ++i) {
        bl[i] = s;
        s += 1 << b[i];
    }
    return bl;
};
// literal length bits
var llb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 16843009, 50528770, 134678020, 202050057, 269422093
])).buffer, 0, 36);
// literal length baseline
var llbl = /*#__PURE__ */ b2bl(llb, 0);
// match length bits
var mlb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 0, 0, 0, 0, 16843009, 50528770, 117769220, 185207048, 252579084, 16
])).buffer, 0, 53);
// match length baseline
var mlbl = /*#__PURE__ */ b2bl(mlb, 3);
// decode huffman stream
var dhu = function (dat, out, hu) {
    var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
    if (!lb)
        err(0);
    var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
    for (; pos > eb && i < ss;) {
        var cbt = pos >> 3;
        var val = (dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (pos & 7);
        st = ((st << btr) | val) & msk;
        out[++i] = hu.s[st];
        pos -= (btr = hu.n[st]);
    }
    if (pos != eb || i + 1 != ss)
        err(0);
};
// decode huffman stream 4x
// TODO: use workers to parallelize
var dhu4 = function (dat, out, hu) {
    var bt = 6;
    var ss = out.length, sz1 = (ss + 3) >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
    dhu(dat.subarray(bt, bt += dat[0] | (dat[1] << 8)), out.subarray(0, sz1), hu);
    dhu(dat.subarray(bt, bt += dat[2] | (dat[3] << 8)), out.subarray(sz1, sz2), hu);
    dhu(dat.subarray(bt, bt += dat[4] | (dat[5] << 8)), out.subarray(sz2, sz3), hu);
    dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
// read Zstandard block
var rzb = function (dat, st, out) {
    var _a;
    var bt = st.b;
    //    byte 0        block type
    var b0 = dat[bt], btype = (b0 >> 1) & 3;
    st.l = b0 & 1;
    var sz = (b0 >> 3) | (dat[bt + 1] << 5) | (dat[bt + 2] << 13);
    // end byte for block
    var ebt = (bt += 3) + sz;
    if (btype == 1) {
        if (bt >= dat.length)
            return;
        st.b = bt + 1;
        if (out) {
            fill(out, dat[bt], st.y, st.y += sz);
            return out;
        }
        return fill(new u8(sz), dat[bt]);
    }
    if (ebt > dat.length)
        return;
    if (btype == 0) {
        st.b = ebt;
        if (out) {
            out.set(dat.subarray(bt, ebt), st.y);
            st.y += sz;
            return out;
        }
        return slc(dat, bt, ebt);
    }
    if (btype == 2) {
        //    byte 3        lit btype     size format
        var b3 = dat[bt], lbt = b3 & 3, sf = (b3 >> 2) & 3;
        // lit src size  lit cmp sz 4 streams
        var lss = b3 >> 4, lcs = 0, s4 = 0;
        if (lbt < 2) {
            if (sf & 1)
                lss |= (dat[++bt] << 4) | ((sf & 2) && (dat[++bt] << 12));
            else
                lss = b3 >> 3;
        }
        else {
            s4 = sf;
            if (sf < 2)
                lss |= ((dat[++bt] & 63) << 4), lcs = (dat[bt] >> 6) | (dat[++bt] << 2);
            else if (sf == 2)
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 3) << 12), lcs = (dat[bt] >> 2) | (dat[++bt] << 6);
            else
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 63) << 12), lcs = (dat[bt] >> 6) | (dat[++bt] << 2) | (dat[++bt] << 10);
        }
        ++bt;
        // add literals to end - can never overlap with backreferences because unused literals always appended
        var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
        // starting point for literals
        var spl = buf.length - lss;
        if (lbt == 0)
            buf.set(dat.subarray(bt, bt += lss), spl);
        else if (lbt == 1)
            fill(buf, dat[bt++], spl);
        else {
            // huffman table
            var hu = st.h;
            if (lbt == 2) {
                var hud = rhu(dat, bt);
                // subtract description length
                lcs += bt - (bt = hud[0]);
                st.h = hu = hud[1];
            }
            else if (!hu)
                err(0);
            (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
        }
        // num sequences
        var ns = dat[bt++];
        if (ns) {
            if (ns == 255)
                ns = (dat[bt++] | (dat[bt++] << 8)) + 0x7F00;
            else if (ns > 127)
                ns = ((ns - 128) << 8) | dat[bt++];
            // symbol compression modes
            var scm = dat[bt++];
            if (scm & 3)
                err(0);
            var dts = [dmlt, doct, dllt];
            for (var i = 2; i > -1; --i) {
                var md = (scm >> ((i << 1) + 2)) & 3;
                if (md == 1) {
                    // rle buf
                    var rbuf = new u8([0, 0, dat[bt++]]);
                    dts[i] = {
                        s: rbuf.subarray(2, 3),
                        n: rbuf.subarray(0, 1),
                        t: new u16(rbuf.buffer, 0, 1),
                        b: 0
                    };
                }
                else if (md == 2) {
                    // accuracy log 8 for offsets, 9 for others
                    _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
                }
                else if (md == 3) {
                    if (!st.t)
                        err(0);
                    dts[i] = st.t[i];
                }
            }
            var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
            var lb = dat[ebt - 1];
            if (!lb)
                err(0);
            var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
            var lst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << llt.b) - 1);
            cbt = (spos -= oct.b) >> 3;
            var ost = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << oct.b) - 1);
            cbt = (spos -= mlt.b) >> 3;
            var mst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mlt.b) - 1);
            for (++ns; --ns;) {
                var llc = llt.s[lst];
                var lbtr = llt.n[lst];
                var mlc = mlt.s[mst];
                var mbtr = mlt.n[mst];
                var ofc = oct.s[ost];
                var obtr = oct.n[ost];
                cbt = (spos -= ofc) >> 3;
                var ofp = 1 << ofc;
                var off = ofp + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16) | (dat[cbt + 3] << 24)) >>> (spos & 7)) & (ofp - 1));
                cbt = (spos -= mlb[mlc]) >> 3;
                var ml = mlbl[mlc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << mlb[mlc]) - 1));
                cbt = (spos -= llb[llc]) >> 3;
                var ll = llbl[llc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << llb[llc]) - 1));
                cbt = (spos -= lbtr) >> 3;
                lst = llt.t[lst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << lbtr) - 1));
                cbt = (spos -= mbtr) >> 3;
                mst = mlt.t[mst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mbtr) - 1));
                cbt = (spos -= obtr) >> 3;
                ost = oct.t[ost] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << obtr) - 1));
                if (off > 3) {
                    st.o[2] = st.o[1];
                    st.o[1] = st.o[0];
                    st.o[0] = off -= 3;
                }
                else {
                    var idx = off - (ll != 0);
                    if (idx) {
                        off = idx == 3 ? st.o[0] - 1 : st.o[idx];
                        if (idx > 1)
                            st.o[2] = st.o[1];
                        st.o[1] = st.o[0];
                        st.o[0] = off;
                    }
                    else
                        off = st.o[0];
                }
                for (var i = 0; i < ll; ++i) {
                    buf[oubt + i] = buf[spl + i];
                }
                oubt += ll, spl += ll;
                var stin = oubt - off;
                if (stin < 0) {
                    var len = -stin;
                    var bs = st.e + stin;
                    if (len > ml)
                        len = ml;
                    for (var i = 0; i < len; ++i) {
                        buf[oubt + i] = st.w[bs + i];
                    }
                    oubt += len, ml -= len, stin = 0;
                }
                for (var i = 0; i < ml; ++i) {
                    buf[oubt + i] = buf[stin + i];
                }
                oubt += ml;
            }
            if (oubt != spl) {
                while (spl < buf.length) {
                    buf[oubt++] = buf[spl++];
                }
            }
            else
                oubt = buf.length;
            if (out)
                st.y += oubt;
            else
                buf = slc(buf, 0, oubt);
        }
        else if (out) {
            st.y += lss;
            if (spl) {
                for (var i = 0; i < lss; ++i) {
                    buf[i] = buf[spl + i];
                }
            }
        }
        else if (spl)
            buf = slc(buf, spl);
        st.b = ebt;
        return buf;
    }
    err(2);
};
// concat
var cct = function (bufs, ol) {
    if (bufs.length == 1)
        return bufs[0];
    var buf = new u8(ol);
    for (var i = 0, b = 0; i < bufs.length; ++i) {
        var chk = bufs[i];
        buf.set(chk, b);
        b += chk.length;
    }
    return buf;
};
/**
 * Decompresses Zstandard data
 * @param dat The input data
 * @param buf The output buffer. If unspecified, the function will allocate
 *            exactly enough memory to fit the decompressed data. If your
 *            data has multiple frames and you know the output size, specifying
 *            it will yield better performance.
 * @returns The decompressed data
 */
function decompress(dat, buf) {
    var bufs = [], nb = +!buf;
    var bt = 0, ol = 0;
    for (; dat.length;) {
        var st = rzfh(dat, nb || buf);
        if (typeof st == 'object') {
            if (nb) {
                buf = null;
                if (st.w.length == st.u) {
                    bufs.push(buf = st.w);
                    ol += st.u;
                }
            }
            else {
                bufs.push(buf);
                st.e = 0;
            }
            for (; !st.l;) {
                var blk = rzb(dat, st, buf);
                if (!blk)
                    err(5);
                if (buf)
                    st.e = st.y;
                else {
                    bufs.push(blk);
                    ol += blk.length;
                    cpw(st.w, 0, blk.length);
                    st.w.set(blk, st.w.length - blk.length);
                }
            }
            bt = st.b + (st.c * 4);
        }
        else
            bt = st;
        dat = dat.subarray(bt);
    }
    return cct(bufs, ol);
}
exports.decompress = decompress;
/**
 * Decompressor for Zstandard streamed data
 */
var Decompress = /*#__PURE__*/ (function () {
    /**
     * Creates a Zstandard decompressor
     * @param ondata The handler for stream data
     */
    function Decompress(ondata) {
        this.ondata = ondata;
        this.c = [];
        this.l = 0;
        this.z = 0;
    }
    /**
     * Pushes data to be decompressed
     * @param chunk The chunk of data to push
     * @param final Whether or not this is the last chunk in the stream
     */
    Decompress.prototype.push = function (chunk, final) {
        if (typeof this.s == 'number') {
            var sub = Math.min(chunk.length, this.s);
            chunk = chunk.subarray(sub);
            this.s -= sub;
        }
        var sl = chunk.length;
        var ncs = sl + this.l;
        if (!this.s) {
            if (final) {
                if (!ncs) {
                    this.ondata(new u8(0), true);
                    return;
                }
                // min for frame + one block
                if (ncs < 5)
                    err(5);
            }
            else if (ncs < 18) {
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (typeof (this.s = rzfh(chunk)) == 'number')
                return this.push(chunk, final);
        }
        if (typeof this.s != 'number') {
            if (ncs < (this.z || 3)) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (!this.z && ncs < (this.z = (chunk[this.s.b] & 2) ? 4 : 3 + ((chunk[this.s.b] >> 3) | (chunk[this.s.b + 1] << 5) | (chunk[this.s.b + 2] << 13)))) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            else
                this.z = 0;
            for (;;) {
                var blk = rzb(chunk, this.s);
                if (!blk) {
                    if (final)
                        err(5);
                    var adc = chunk.subarray(this.s.b);
                    this.s.b = 0;
                    this.c.push(adc), this.l += adc.length;
                    return;
                }
                else {
                    this.ondata(blk, false);
                    cpw(this.s.w, 0, blk.length);
                    this.s.w.set(blk, this.s.w.length - blk.length);
                }
                if (this.s.l) {
                    var rest = chunk.subarray(this.s.b);
                    this.s = this.s.c * 4;
                    this.push(rest, final);
                    return;
                }
            }
        }
        else if (final)
            err(5);
    };
    return Decompress;
}());
exports.Decompress = Decompress;


/***/ }),

/***/ 68:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.imageCommand = void 0;
const errors_js_1 = __nccwpck_require__(922);
const open_js_1 = __nccwpck_require__(153);
const manifest_js_1 = __nccwpck_require__(596);
const source_options_js_1 = __nccwpck_require__(166);
exports.imageCommand = {
    id: 'image',
    register(program, ctx) {
        const image = program.command('image').description('read an image without running it: inspect its metadata and files');
        (0, source_options_js_1.addSourceOptions)(image
            .command('inspect')
            .description('print the manifest and config digests, the platform, and the layers with sizes and history')
            .argument('<ref>', 'image reference: oci-dir:PATH[:REF], oci-archive:PATH[:REF], docker-archive:PATH[:TAG], registry:NAME, docker:NAME, or a bare NAME')
            .option('--json', 'print JSON instead of text')).action(async (ref, opts) => {
            const view = await (0, open_js_1.loadImage)(ref, sourceOptions(opts, ctx));
            const m = view.metadata;
            const layers = m.layers.map((l) => ({
                index: l.index,
                digest: l.digest,
                diffId: l.diffId,
                mediaType: l.mediaType,
                size: l.size,
                uncompressedSize: view.stats.layers[l.index]?.tarBytes ?? null,
                entries: view.stats.layers[l.index]?.entries ?? null,
                createdBy: l.history?.created_by ?? null,
                historyIndex: l.historyIndex ?? null,
            }));
            if (opts.json) {
                ctx.out(`${JSON.stringify({
                    reference: m.reference,
                    source: m.source,
                    manifestDigest: m.manifestDigest ?? null,
                    manifestMediaType: m.manifestMediaType ?? null,
                    indexDigest: m.indexDigest ?? null,
                    configDigest: m.configDigest,
                    platform: m.platform,
                    repoTags: m.repoTags,
                    created: m.config.created ?? null,
                    config: m.config.config ?? {},
                    layers,
                    history: m.config.history ?? [],
                    files: view.size,
                    unknowns: view.unknowns,
                }, null, 2)}\n`);
                return;
            }
            const lines = [
                `Reference:  ${m.reference}`,
                `Source:     ${m.source}`,
                `Manifest:   ${m.manifestDigest ?? '(none: from a docker archive)'}${m.manifestMediaType ? ` (${m.manifestMediaType})` : ''}`,
                ...(m.indexDigest ? [`Index:      ${m.indexDigest}`] : []),
                `Config:     ${m.configDigest}`,
                `Platform:   ${(0, manifest_js_1.formatPlatform)(m.platform)}`,
                ...(m.repoTags.length ? [`Tags:       ${m.repoTags.join(', ')}`] : []),
                `Files:      ${view.size} paths in the squashed view`,
                `Layers:     ${m.layers.length}`,
            ];
            for (const l of layers) {
                lines.push(`  [${l.index}] ${l.digest}  ${formatBytes(l.size)} stored, ${formatBytes(l.uncompressedSize ?? 0)} tar, ${l.entries} entries`);
                lines.push(`      diff_id ${l.diffId}`);
                if (l.createdBy)
                    lines.push(`      created by: ${oneLine(l.createdBy)}`);
            }
            if (view.unknowns.length) {
                lines.push(`Unknowns:   ${view.unknowns.length}`);
                for (const u of view.unknowns)
                    lines.push(`  ${u.path ?? ''}: ${u.reason}`);
            }
            ctx.out(`${lines.join('\n')}\n`);
        });
        (0, source_options_js_1.addSourceOptions)(image
            .command('ls-files')
            .description('list the squashed file view, each path with the layer that last wrote it')
            .argument('<ref>', 'image reference (see `portcullis image inspect --help`)')
            .option('--layer <n>', 'list only the entries that layer N (0-based) wrote and that survive in the squashed view')
            .option('--json', 'print JSON lines instead of text')).action(async (ref, opts) => {
            const view = await (0, open_js_1.loadImage)(ref, sourceOptions(opts, ctx));
            let entries = view.list();
            if (opts.layer !== undefined) {
                const n = Number(opts.layer);
                if (!Number.isInteger(n) || n < 0 || n >= view.metadata.layers.length) {
                    throw new errors_js_1.ConfigurationError(`--layer must be a layer index from 0 to ${view.metadata.layers.length - 1}, got "${String(opts.layer)}"`);
                }
                entries = entries.filter((e) => e.provenance.layerIndex === n);
            }
            const out = [];
            for (const e of entries) {
                if (opts.json)
                    out.push(JSON.stringify(e));
                else
                    out.push(`${modeString(e)} ${String(e.size).padStart(10)}  L${e.provenance.layerIndex}  ${e.path}${e.linkTarget !== undefined ? ` -> ${e.linkTarget}` : ''}`);
            }
            ctx.out(out.length ? `${out.join('\n')}\n` : '');
        });
    },
};
function sourceOptions(opts, ctx) {
    return {
        ...(0, source_options_js_1.registryOptionsFrom)(opts, ctx.env),
        ...(typeof opts.platform === 'string' ? { platform: (0, manifest_js_1.parsePlatform)(opts.platform) } : {}),
        env: ctx.env,
        logger: ctx.logger,
    };
}
function modeString(e) {
    const t = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' }[e.type];
    const bits = 'rwxrwxrwx'.split('').map((c, i) => (e.mode & (1 << (8 - i)) ? c : '-')).join('');
    return t + bits;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
function oneLine(s) {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}


/***/ }),

/***/ 916:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CLI_COMMANDS = void 0;
const image_js_1 = __nccwpck_require__(68);
/** Every top-level command, in `--help` order. */
exports.CLI_COMMANDS = [image_js_1.imageCommand];


/***/ }),

/***/ 806:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.buildProgram = buildProgram;
exports.runProgram = runProgram;
const commander_1 = __nccwpck_require__(909);
const errors_js_1 = __nccwpck_require__(922);
const list_js_1 = __nccwpck_require__(916);
const version_info_js_1 = __nccwpck_require__(720);
/** Builds the `portcullis` program. Errors from commander itself become configuration errors. */
function buildProgram(ctx) {
    const program = new commander_1.Command('portcullis')
        .description('Portcullis: a container-image gate for CI. Reads an image without running it, without a server and without a Docker engine.')
        .version(version_info_js_1.VERSION, '-V, --version')
        .option('--debug', 'print debug logs to stderr')
        .showHelpAfterError(false)
        .exitOverride()
        .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: () => { } });
    for (const c of list_js_1.CLI_COMMANDS)
        c.register(program, ctx);
    for (const sub of allCommands(program)) {
        sub.exitOverride().configureOutput({ writeOut: (s) => ctx.out(s), writeErr: () => { } });
    }
    return program;
}
/** Runs the program; returns normally for success and `--help`, throws ConfigurationError for usage errors. */
async function runProgram(argv, ctx) {
    const program = buildProgram(ctx);
    try {
        await program.parseAsync(argv, { from: 'user' });
    }
    catch (error) {
        if (error instanceof commander_1.CommanderError) {
            if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')
                return;
            if (error.code === 'commander.executeSubCommandAsync')
                throw error;
            throw new errors_js_1.ConfigurationError(error.message.replace(/^error: /, ''), { cause: error });
        }
        throw error;
    }
}
function allCommands(cmd) {
    return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}


/***/ }),

/***/ 166:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.addSourceOptions = addSourceOptions;
exports.registryOptionsFrom = registryOptionsFrom;
const errors_js_1 = __nccwpck_require__(922);
/** The options every image-reading command shares. */
function addSourceOptions(cmd) {
    return cmd
        .option('--platform <os/arch[/variant]>', "platform to pick from a multi-platform image (default: the host's)")
        .option('--registry-username <user>', 'registry user name (or PORTCULLIS_REGISTRY_USERNAME)')
        .option('--registry-password-stdin', 'read the registry password from standard input (or PORTCULLIS_REGISTRY_PASSWORD)')
        .option('--insecure-registry <host[:port]...>', 'registries reached over plain http (localhost always is)')
        .option('--ca-file <pem>', 'extra CA certificates for registries')
        .option('--timeout <seconds>', 'per-request timeout for registries and the daemon', '60')
        .option('--max-file-bytes <n>', 'content kept in memory per file; larger files become unknowns');
}
/** Turns shared flags and the environment into SourceOptions fields. */
function registryOptionsFrom(opts, env) {
    const out = {};
    const username = opts.registryUsername ?? env.PORTCULLIS_REGISTRY_USERNAME;
    const password = env.PORTCULLIS_REGISTRY_PASSWORD;
    if (username && password)
        out.credentials = { username, password };
    if (Array.isArray(opts.insecureRegistry))
        out.insecureRegistries = opts.insecureRegistry;
    if (typeof opts.caFile === 'string')
        out.caFile = opts.caFile;
    if (opts.timeout !== undefined) {
        const t = Number(opts.timeout);
        if (!Number.isFinite(t) || t <= 0)
            throw new errors_js_1.ConfigurationError(`--timeout must be a positive number of seconds, got "${String(opts.timeout)}"`);
        out.timeoutMs = t * 1000;
    }
    if (opts.maxFileBytes !== undefined) {
        const n = Number(opts.maxFileBytes);
        if (!Number.isInteger(n) || n <= 0)
            throw new errors_js_1.ConfigurationError(`--max-file-bytes must be a positive integer, got "${String(opts.maxFileBytes)}"`);
        out.maxFileBytes = n;
    }
    return out;
}


/***/ }),

/***/ 922:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RemoteError = exports.ImageError = exports.ConfigurationError = void 0;
exports.getErrorMessage = getErrorMessage;
exports.wrapError = wrapError;
exports.assertNever = assertNever;
exports.throwIfAborted = throwIfAborted;
/**
 * The three outcomes of a run are kept apart:
 * - a user mistake (bad reference, unreadable policy, bad flag, an image that is not what it says) is a
 *   ConfigurationError, or one of its subclasses, with a precise one-line message;
 * - STOP and WARN are values, never thrown;
 * - anything else that is thrown is an internal fault.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
    constructor(message, options) {
        super(message, options);
    }
}
exports.ConfigurationError = ConfigurationError;
/** The image could not be read: missing, corrupt, truncated, a digest mismatch, a registry refusal. */
class ImageError extends ConfigurationError {
    name = 'ImageError';
}
exports.ImageError = ImageError;
/** A remote service (registry, daemon, data feed) failed or refused. `status` is the HTTP status when there was one. */
class RemoteError extends ImageError {
    name = 'RemoteError';
    status;
    constructor(message, options) {
        super(message, options);
        this.status = options?.status;
    }
}
exports.RemoteError = RemoteError;
function getErrorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
function wrapError(error) {
    return error instanceof Error ? error : new Error(String(error));
}
function assertNever(value, what = 'value') {
    throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
/** Throws the signal's reason if it was aborted. Long loops call this between units of work. */
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error('Aborted');
}


/***/ }),

/***/ 353:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.silentLogger = void 0;
exports.createConsoleLogger = createConsoleLogger;
exports.createRecordingLogger = createRecordingLogger;
exports.silentLogger = {
    debug() { },
    info() { },
    warning() { },
    error() { },
};
/** A logger that writes to stderr, so that stdout carries only the command's output. */
function createConsoleLogger(options = {}) {
    const write = (prefix, message) => {
        process.stderr.write(`${prefix}${message}\n`);
    };
    return {
        debug: (m) => {
            if (options.debug)
                write('debug: ', m);
        },
        info: (m) => write('', m),
        warning: (m) => write('warning: ', m),
        error: (m) => write('error: ', m),
    };
}
/** Records every line, for tests. */
function createRecordingLogger() {
    const lines = [];
    const rec = (level) => (message) => void lines.push({ level, message });
    return { lines, debug: rec('debug'), info: rec('info'), warning: rec('warning'), error: rec('error') };
}


/***/ }),

/***/ 793:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.EXIT_CODES = void 0;
exports.outcomeOfError = outcomeOfError;
exports.exitCodeOf = exitCodeOf;
const errors_js_1 = __nccwpck_require__(922);
/** The one table that maps outcomes to exit codes. The Action, the CLI and the CI wrappers all rely on it. */
exports.EXIT_CODES = Object.freeze({
    go: 0,
    stop: 1,
    warn: 2,
    'configuration-error': 3,
    'internal-error': 3,
});
function outcomeOfError(error) {
    return error instanceof errors_js_1.ConfigurationError ? 'configuration-error' : 'internal-error';
}
function exitCodeOf(outcome) {
    return exports.EXIT_CODES[outcome];
}


/***/ }),

/***/ 675:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readImageArchive = readImageArchive;
const node_stream_1 = __nccwpck_require__(75);
const errors_js_1 = __nccwpck_require__(922);
const layer_reader_js_1 = __nccwpck_require__(514);
const manifest_js_1 = __nccwpck_require__(596);
const oci_layout_js_1 = __nccwpck_require__(803);
const paths_js_1 = __nccwpck_require__(469);
const tar_parser_js_1 = __nccwpck_require__(296);
/** Entries up to this size are kept in memory (manifests, configs, tiny layers); larger ones stream as layers. */
const SMALL_ENTRY = 1 << 20;
/**
 * Reads a whole image archive (`docker save` output in the legacy or the Docker ≥25 layout, or an OCI layout
 * tar) in one pass, whatever the order of its entries. Large entries are read as layers while they stream, keyed
 * by their entry name; small ones are kept. Once the archive ends, the manifest says which candidates are the
 * image's layers and in what order; their digests and diff_ids are checked then.
 */
async function readImageArchive(input, options) {
    const small = new Map();
    const links = new Map();
    const candidates = new Map();
    const pending = [];
    let sawAnyEntry = false;
    let backpressure = null;
    const parser = new tar_parser_js_1.TarParser((h) => {
        sawAnyEntry = true;
        const name = (0, paths_js_1.normalizeEntryName)(h.name);
        if (name === null)
            return null;
        if (h.type === 'symlink' || h.type === 'hardlink') {
            const target = h.type === 'symlink' ? (0, paths_js_1.resolveLinkTarget)(name, h.linkname) : (0, paths_js_1.normalizeEntryName)(h.linkname);
            if (target)
                links.set(name, target);
            return null;
        }
        if (h.type !== 'file')
            return null;
        if (h.size <= SMALL_ENTRY) {
            const buf = Buffer.allocUnsafe(h.size);
            let filled = 0;
            return {
                data(chunk) {
                    chunk.copy(buf, filled);
                    filled += chunk.length;
                },
                end() {
                    small.set(name, buf);
                },
            };
        }
        const stream = new node_stream_1.PassThrough({ highWaterMark: 1 << 20 });
        stream.on('error', () => { }); // the candidate's own promise carries the failure
        const promise = (0, layer_reader_js_1.readLayer)(stream, {
            matcher: options.matcher,
            maxFileBytes: options.maxFileBytes,
            label: `${options.label}: ${name.slice(1)}`,
            ...(options.signal ? { signal: options.signal } : {}),
        });
        // A candidate that is not a layer (an attestation, say) may fail to parse; that only matters if it is used.
        promise.catch(() => { });
        candidates.set(name, { promise });
        pending.push(promise.catch(() => { }));
        return {
            data(chunk) {
                if (!stream.destroyed && !stream.write(chunk))
                    backpressure = stream;
            },
            end() {
                stream.end();
            },
        };
    });
    try {
        for await (const chunk of input) {
            if (options.signal?.aborted)
                throw options.signal.reason;
            parser.push(chunk);
            const bp = backpressure;
            if (bp) {
                backpressure = null;
                if (!bp.destroyed)
                    await drainedOrClosed(bp);
            }
            if (parser.done)
                break;
        }
        parser.end();
    }
    catch (e) {
        if (e instanceof tar_parser_js_1.TarFormatError) {
            const what = sawAnyEntry ? e.message : `not an image archive (${e.message})`;
            throw new errors_js_1.ImageError(`${options.label}: ${what}`, { cause: e });
        }
        throw e;
    }
    await Promise.all(pending);
    const resolveName = (name) => {
        let n = name;
        for (let i = 0; i < 16 && links.has(n); i++)
            n = links.get(n);
        return n;
    };
    const layerResult = async (entryName, expect, index) => {
        const name = resolveName((0, paths_js_1.normalizeEntryName)(entryName) ?? entryName);
        const label = `${options.label}: layer ${index} (${entryName})`;
        let result;
        const candidate = candidates.get(name);
        if (candidate) {
            result = await candidate.promise.catch((e) => {
                throw e instanceof errors_js_1.ImageError ? new errors_js_1.ImageError(e.message.replace(`${options.label}: ${name.slice(1)}`, label), { cause: e }) : e;
            });
        }
        else {
            const buf = small.get(name);
            if (!buf)
                throw new errors_js_1.ImageError(`${options.label}: layer ${index} (${entryName}) is missing from the archive`);
            result = await (0, layer_reader_js_1.readLayer)(node_stream_1.Readable.from([buf]), {
                matcher: options.matcher,
                maxFileBytes: options.maxFileBytes,
                label,
                ...(options.signal ? { signal: options.signal } : {}),
            });
        }
        if (expect.digest && expect.digest !== result.digest) {
            throw new errors_js_1.ImageError(`digest mismatch for ${label}: the manifest says ${expect.digest} but the blob's content hashes to ${result.digest}`);
        }
        if (expect.diffId !== result.diffId) {
            throw new errors_js_1.ImageError(`diff_id mismatch for ${label}: the config says ${expect.diffId} but the uncompressed layer hashes to ${result.diffId}`);
        }
        return result;
    };
    const isOciLayout = small.has('/oci-layout') && small.has('/index.json');
    if (isOciLayout && (!small.has('/manifest.json') || options.source === 'oci-archive')) {
        return fromOciLayout(small, resolveName, layerResult, options);
    }
    if (small.has('/manifest.json'))
        return fromDockerManifest(small, resolveName, layerResult, options);
    if (!sawAnyEntry)
        throw new errors_js_1.ImageError(`${options.label}: empty archive`);
    throw new errors_js_1.ImageError(`${options.label}: not an image archive (no manifest.json, and no index.json with oci-layout)`);
}
async function fromOciLayout(small, resolveName, layerResult, options) {
    const resolved = await (0, oci_layout_js_1.resolveOciLayout)({
        indexJson: small.get('/index.json'),
        store: { get: async (digest) => small.get(resolveName(`/${(0, oci_layout_js_1.blobPath)(digest)}`)) },
        ...(options.refName !== undefined ? { refName: options.refName } : {}),
        platform: options.platform,
        label: options.label,
    });
    const metadata = (0, manifest_js_1.buildMetadata)({
        reference: options.reference,
        source: options.source,
        manifest: resolved.manifest,
        manifestDigest: resolved.manifestDigest,
        manifestMediaType: resolved.manifestMediaType,
        ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
        config: resolved.config,
    });
    const layers = [];
    for (const l of metadata.layers)
        layers.push(await layerResult(`/${(0, oci_layout_js_1.blobPath)(l.digest)}`, { digest: l.digest, diffId: l.diffId }, l.index));
    return { metadata, layers };
}
async function fromDockerManifest(small, resolveName, layerResult, options) {
    let entries;
    try {
        entries = JSON.parse(small.get('/manifest.json').toString());
    }
    catch (e) {
        throw new errors_js_1.ImageError(`${options.label}: manifest.json is not valid JSON: ${e.message}`);
    }
    if (!Array.isArray(entries) || entries.length === 0)
        throw new errors_js_1.ImageError(`${options.label}: manifest.json lists no images`);
    let entry;
    if (options.refName) {
        entry = entries.find((e) => (e.RepoTags ?? []).some((t) => t === options.refName || t.endsWith(`/${options.refName}`) || t === `docker.io/library/${options.refName}`));
        if (!entry)
            throw new errors_js_1.ImageError(`${options.label} has no image tagged "${options.refName}"; tags: ${entries.flatMap((e) => e.RepoTags ?? []).join(', ') || '(none)'}`);
    }
    else if (entries.length === 1)
        entry = entries[0];
    else
        throw new errors_js_1.ImageError(`${options.label} holds ${entries.length} images; name one by appending :TAG to the reference (tags: ${entries.flatMap((e) => e.RepoTags ?? []).join(', ')})`);
    const e = entry;
    if (typeof e.Config !== 'string' || !Array.isArray(e.Layers))
        throw new errors_js_1.ImageError(`${options.label}: manifest.json entry has no Config or Layers`);
    const configName = resolveName((0, paths_js_1.normalizeEntryName)(e.Config) ?? e.Config);
    const configBytes = small.get(configName);
    if (!configBytes)
        throw new errors_js_1.ImageError(`${options.label}: config ${e.Config} is missing from the archive`);
    const config = (0, manifest_js_1.parseConfig)(configBytes, `${options.label}: config ${e.Config}`);
    const { createHash } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 598, 23));
    const configDigest = `sha256:${createHash('sha256').update(configBytes).digest('hex')}`;
    if (config.rootfs.diff_ids.length !== e.Layers.length) {
        throw new errors_js_1.ImageError(`${options.label}: the config lists ${config.rootfs.diff_ids.length} diff_ids but manifest.json has ${e.Layers.length} layers`);
    }
    const layers = [];
    for (let i = 0; i < e.Layers.length; i++) {
        layers.push(await layerResult(e.Layers[i], { diffId: config.rootfs.diff_ids[i] }, i));
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: manifest_js_1.MediaTypes.dockerManifest,
        config: { mediaType: manifest_js_1.MediaTypes.dockerConfig, digest: configDigest, size: configBytes.length },
        layers: layers.map((l) => ({
            mediaType: l.compression === 'gzip' ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : l.compression === 'zstd' ? 'application/vnd.docker.image.rootfs.diff.tar.zstd' : 'application/vnd.docker.image.rootfs.diff.tar',
            digest: l.digest,
            size: l.storedBytes,
        })),
    };
    const metadata = (0, manifest_js_1.buildMetadata)({
        reference: options.reference,
        source: options.source,
        manifest,
        config,
        repoTags: e.RepoTags ?? [],
    });
    return { metadata, layers };
}
function drainedOrClosed(stream) {
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
        };
        stream.once('drain', done);
        stream.once('close', done);
    });
}


/***/ }),

/***/ 454:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.sniffCompression = sniffCompression;
exports.zstdBackend = zstdBackend;
exports.createDecompressor = createDecompressor;
const node_stream_1 = __nccwpck_require__(75);
const zlib = __importStar(__nccwpck_require__(522));
const fzstd_1 = __nccwpck_require__(437);
/** Detects the compression of a blob from its first bytes (magic numbers), not from its media type. */
function sniffCompression(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd)
        return 'zstd';
    return 'none';
}
/** Node ≥ 22.15 / 23.8 has zstd in zlib; Node 20 does not, so a pure-JS decoder (fzstd) stands in there. */
const nativeZstd = zlib.createZstdDecompress;
function zstdBackend() {
    return nativeZstd ? 'node:zlib' : 'fzstd';
}
function createDecompressor(compression) {
    switch (compression) {
        case 'gzip':
            return zlib.createGunzip({ chunkSize: 256 * 1024 });
        case 'zstd':
            return nativeZstd ? nativeZstd() : new FzstdTransform();
        case 'none':
            return null;
    }
}
/** A Transform over fzstd's streaming decoder. A stream that ends mid-frame is an error. */
class FzstdTransform extends node_stream_1.Transform {
    #decoder;
    #ended = false;
    constructor() {
        super();
        this.#decoder = new fzstd_1.Decompress((chunk, final) => {
            // Copied: the decoder may reuse its window buffer for later output.
            if (chunk.length)
                this.push(Buffer.from(chunk));
            if (final)
                this.#ended = true;
        });
    }
    _transform(chunk, _enc, callback) {
        try {
            this.#decoder.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
            callback();
        }
        catch (e) {
            callback(new Error(`zstd: ${e.message}`));
        }
    }
    _flush(callback) {
        try {
            this.#decoder.push(new Uint8Array(0), true);
            if (!this.#ended)
                throw new Error('unexpected end of data');
            callback();
        }
        catch (e) {
            callback(new Error(`zstd: ${e.message.replace(/^zstd: /, '')}`));
        }
    }
}


/***/ }),

/***/ 930:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DEFAULT_MAX_FILE_BYTES = void 0;
exports.viewFromDirectory = viewFromDirectory;
const node_fs_1 = __nccwpck_require__(24);
const promises_1 = __nccwpck_require__(455);
const node_path_1 = __nccwpck_require__(760);
const errors_js_1 = __nccwpck_require__(922);
const file_request_js_1 = __nccwpck_require__(271);
const file_view_js_1 = __nccwpck_require__(661);
const layer_collector_js_1 = __nccwpck_require__(294);
/**
 * A FileView of a directory on disk, as a one-layer image. For cataloger tests on real package databases, and
 * for the `dir:` scan of an unpacked root file system. Symlinks are recorded, never followed on the host.
 */
async function viewFromDirectory(root, options = {}) {
    const rootStat = await (0, promises_1.lstat)(root).catch((e) => {
        throw new errors_js_1.ImageError(`cannot read directory ${root}: ${e.message}`, { cause: e });
    });
    if (!rootStat.isDirectory())
        throw new errors_js_1.ImageError(`${root} is not a directory`);
    const collector = new layer_collector_js_1.LayerCollector(new file_request_js_1.RequestMatcher(options.requests ?? []), options.maxFileBytes ?? exports.DEFAULT_MAX_FILE_BYTES, undefined);
    await walk(root, '', collector);
    const metadata = {
        reference: `dir:${root}`,
        source: 'dir',
        configDigest: '',
        platform: { os: 'linux', architecture: 'unknown' },
        layers: [{ index: 0, digest: '', diffId: '', mediaType: 'directory', size: 0 }],
        config: { architecture: 'unknown', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } },
        repoTags: [],
        repoDigests: [],
    };
    return file_view_js_1.FileView.squash(metadata, [collector.result]);
}
exports.DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
async function walk(root, rel, collector) {
    const names = (await (0, promises_1.readdir)((0, node_path_1.join)(root, rel))).sort();
    for (const name of names) {
        const relPath = rel ? `${rel}/${name}` : name;
        const full = (0, node_path_1.join)(root, relPath);
        const st = await (0, promises_1.lstat)(full);
        const type = st.isDirectory()
            ? 'dir'
            : st.isSymbolicLink()
                ? 'symlink'
                : st.isFile()
                    ? 'file'
                    : st.isCharacterDevice()
                        ? 'char'
                        : st.isBlockDevice()
                            ? 'block'
                            : 'fifo';
        const sink = collector.add({
            name: relPath,
            type,
            mode: st.mode,
            uid: st.uid,
            gid: st.gid,
            size: type === 'file' ? st.size : 0,
            mtime: Math.floor(st.mtimeMs / 1000),
            linkname: type === 'symlink' ? await (0, promises_1.readlink)(full) : '',
        });
        if (sink) {
            for await (const chunk of (0, node_fs_1.createReadStream)(full))
                sink.data(chunk);
            sink.end();
        }
        if (type === 'dir')
            await walk(root, relPath, collector);
    }
}


/***/ }),

/***/ 271:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RequestMatcher = void 0;
const paths_js_1 = __nccwpck_require__(469);
/** Compiles requests once; `match` is called for every regular file in every layer. */
class RequestMatcher {
    #compiled;
    constructor(requests) {
        this.#compiled = requests.map((request) => ({
            request,
            paths: new Set(request.paths ?? []),
            globs: (request.globs ?? []).map(paths_js_1.compileGlob),
        }));
    }
    get empty() {
        return this.#compiled.length === 0;
    }
    match(path, entry) {
        let out;
        for (const c of this.#compiled) {
            const hit = c.paths.has(path) || c.globs.some((g) => g.test(path)) || (c.request.filter?.(path, entry) ?? false);
            if (hit)
                (out ??= []).push(c);
        }
        return out ?? NO_MATCH;
    }
}
exports.RequestMatcher = RequestMatcher;
const NO_MATCH = [];


/***/ }),

/***/ 661:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FileView = exports.MAX_SYMLINK_HOPS = void 0;
exports.provenanceOf = provenanceOf;
const paths_js_1 = __nccwpck_require__(469);
/** Symlink hops allowed while resolving one path, as Linux's MAXSYMLINKS. */
exports.MAX_SYMLINK_HOPS = 40;
/**
 * The squashed, read-only view of an image's file system, built from one pass over its layers. Every entry's
 * metadata is present; content is present for the files that some FileRequest asked for.
 */
class FileView {
    metadata;
    layers;
    #files = new Map();
    #contents = new Map();
    unknowns = [];
    constructor(metadata, layers) {
        this.metadata = metadata;
        this.layers = layers;
    }
    /** Squashes layer results, lowest first, applying whiteouts and opaque directories. */
    static squash(metadata, layers) {
        const view = new FileView(metadata, layers);
        layers.forEach((layer, i) => view.#apply(layer, provenanceOf(metadata, i)));
        return view;
    }
    /** The entry at `path`. Symlinks in parent directories are followed; the last component only when asked. */
    get(path, options = {}) {
        const resolved = this.resolve(path, options);
        return resolved === undefined ? undefined : this.#files.get(resolved);
    }
    /**
     * Resolves `path` inside the image: symlinks are followed relative to the image root and never leave it, and
     * loops end after MAX_SYMLINK_HOPS hops. Returns undefined for a dangling path or a loop.
     */
    resolve(path, options = {}) {
        let hops = 0;
        let pending = path.split('/').filter(Boolean);
        let current = '';
        while (pending.length > 0) {
            const part = pending.shift();
            if (part === '.')
                continue;
            if (part === '..') {
                current = current.slice(0, current.lastIndexOf('/'));
                continue;
            }
            const candidate = `${current}/${part}`;
            const entry = this.#files.get(candidate);
            const isLast = pending.length === 0;
            if (entry?.type === 'symlink' && (!isLast || options.follow)) {
                if (++hops > exports.MAX_SYMLINK_HOPS)
                    return undefined;
                const target = (0, paths_js_1.resolveLinkTarget)(candidate, entry.linkTarget ?? '');
                pending = [...target.split('/').filter(Boolean), ...pending];
                current = '';
                continue;
            }
            if (!entry && !isLast && !this.#hasChildren(candidate))
                return undefined;
            current = candidate;
        }
        return current === '' ? '/' : current;
    }
    /** Every entry, sorted by path. */
    list() {
        return [...this.#files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    get size() {
        return this.#files.size;
    }
    /** Entries whose literal path matches the glob (no symlink expansion), sorted by path. */
    glob(pattern) {
        const re = (0, paths_js_1.compileGlob)(pattern);
        return this.list().filter((e) => re.test(e.path));
    }
    /** The captured content of a file; hardlinks and (with follow) symlinks resolve to their targets. */
    read(path) {
        const resolved = this.resolve(path, { follow: true });
        if (resolved === undefined)
            return { ok: false, reason: `${path}: no such file (or a symlink loop)` };
        let entry = this.#files.get(resolved);
        if (!entry)
            return { ok: false, reason: `${path}: no such file` };
        let contentPath = resolved;
        if (entry.type === 'hardlink') {
            contentPath = entry.linkTarget ?? '';
            entry = this.#files.get(contentPath) ?? entry;
        }
        if (entry.type !== 'file' && entry.type !== 'hardlink')
            return { ok: false, reason: `${path}: not a regular file (${entry.type})` };
        const captured = this.#contents.get(contentPath) ?? this.#contents.get(resolved);
        if (!captured)
            return { ok: false, reason: `${path}: content was not captured (no file request matched it)` };
        if (captured.kind === 'unknown')
            return { ok: false, reason: `${path}: ${captured.reason}` };
        if (captured.kind === 'sinks-only')
            return { ok: false, reason: `${path}: content was streamed to a sink, not kept` };
        return { ok: true, data: captured.data, entry };
    }
    /** The content as UTF-8 text, or undefined (the reason is in `read`). */
    readText(path) {
        const r = this.read(path);
        return r.ok ? r.data.toString('utf8') : undefined;
    }
    /** The value a request's ContentSink returned for `path`, if the file streamed through it. */
    sinkResult(requestId, path) {
        const captured = this.#contents.get(path);
        return captured && 'sinks' in captured ? captured.sinks?.get(requestId) : undefined;
    }
    /** Paths whose content was captured or streamed, sorted. */
    capturedPaths() {
        return [...this.#contents.keys()].sort();
    }
    #apply(layer, provenance) {
        for (const dir of layer.opaqueDirs)
            this.#deleteChildren(dir);
        for (const path of layer.whiteouts) {
            this.#delete(path);
            this.#deleteChildren(path);
        }
        for (const e of layer.entries.values()) {
            const previous = this.#files.get(e.path);
            if (previous?.type === 'dir' && e.type !== 'dir')
                this.#deleteChildren(e.path);
            this.#files.set(e.path, {
                path: e.path,
                type: e.type,
                mode: e.mode,
                uid: e.uid,
                gid: e.gid,
                size: e.size,
                mtime: e.mtime,
                ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {}),
                provenance,
            });
            const content = layer.contents.get(e.path);
            if (content)
                this.#contents.set(e.path, content);
            else
                this.#contents.delete(e.path);
        }
        this.unknowns.push(...layer.unknowns);
    }
    #delete(path) {
        this.#files.delete(path);
        this.#contents.delete(path);
    }
    #deleteChildren(dir) {
        const prefix = dir === '/' ? '/' : `${dir}/`;
        for (const key of this.#files.keys()) {
            if (key.startsWith(prefix))
                this.#delete(key);
        }
    }
    #hasChildren(dir) {
        const prefix = `${dir}/`;
        for (const key of this.#files.keys())
            if (key.startsWith(prefix))
                return true;
        return false;
    }
}
exports.FileView = FileView;
function provenanceOf(metadata, layerIndex) {
    const layer = metadata.layers[layerIndex];
    return {
        layerIndex,
        layerDigest: layer?.digest ?? '',
        diffId: layer?.diffId ?? '',
        ...(layer?.historyIndex !== undefined ? { historyIndex: layer.historyIndex } : {}),
        ...(layer?.history?.created_by !== undefined ? { createdBy: layer.history.created_by } : {}),
    };
}


/***/ }),

/***/ 294:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LayerCollector = void 0;
const paths_js_1 = __nccwpck_require__(469);
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/**
 * Turns raw entries (from a tar stream or a directory walk) into a LayerResult: normalises names, refuses
 * traversal, records whiteouts, and captures the requested content within the caps.
 */
class LayerCollector {
    matcher;
    maxFileBytes;
    layerDigest;
    result = {
        entries: new Map(),
        whiteouts: [],
        opaqueDirs: [],
        contents: new Map(),
        unknowns: [],
        stats: { entries: 0, files: 0, dirs: 0, symlinks: 0, hardlinks: 0, whiteouts: 0, opaque: 0 },
    };
    constructor(matcher, maxFileBytes, layerDigest) {
        this.matcher = matcher;
        this.maxFileBytes = maxFileBytes;
        this.layerDigest = layerDigest;
    }
    /** Adds one entry; returns a sink for its data when the content is wanted. */
    add(raw) {
        const r = this.result;
        r.stats.entries++;
        const path = (0, paths_js_1.normalizeEntryName)(raw.name);
        if (path === null) {
            this.#unknown(`entry name "${raw.name}" climbs out of the image root; ignored`, raw.name);
            return null;
        }
        if (path === '/')
            return null;
        const base = (0, paths_js_1.basename)(path);
        if (base.startsWith(WHITEOUT)) {
            if (base === OPAQUE) {
                r.opaqueDirs.push((0, paths_js_1.dirname)(path));
                r.stats.opaque++;
            }
            else if (!base.startsWith(`${WHITEOUT}${WHITEOUT}`)) {
                const dir = (0, paths_js_1.dirname)(path);
                r.whiteouts.push(dir === '/' ? `/${base.slice(WHITEOUT.length)}` : `${dir}/${base.slice(WHITEOUT.length)}`);
                r.stats.whiteouts++;
            }
            return null;
        }
        if (raw.type === 'other') {
            this.#unknown(`unsupported tar entry type; ignored`, path);
            return null;
        }
        const entry = {
            path,
            type: raw.type,
            mode: raw.mode & 0o7777,
            uid: raw.uid,
            gid: raw.gid,
            size: raw.type === 'file' ? raw.size : 0,
            mtime: raw.mtime,
        };
        if (raw.type === 'symlink') {
            entry.linkTarget = raw.linkname;
            r.stats.symlinks++;
        }
        else if (raw.type === 'hardlink') {
            const target = (0, paths_js_1.normalizeEntryName)(raw.linkname);
            if (target === null) {
                this.#unknown(`hardlink target "${raw.linkname}" climbs out of the image root; ignored`, path);
                return null;
            }
            entry.linkTarget = target;
            r.stats.hardlinks++;
        }
        else if (raw.type === 'dir')
            r.stats.dirs++;
        else if (raw.type === 'file')
            r.stats.files++;
        // A later entry for the same path in the same layer replaces the earlier one.
        r.entries.delete(path);
        r.entries.set(path, entry);
        r.contents.delete(path);
        if (raw.type !== 'file' || this.matcher.empty)
            return null;
        const wanted = this.matcher.match(path, entry);
        if (wanted.length === 0)
            return null;
        return this.#capture(path, raw.size, wanted);
    }
    #capture(path, size, wanted) {
        const buffering = wanted.filter((c) => !c.request.sink);
        const sinks = wanted
            .filter((c) => c.request.sink)
            .map((c) => [c.request.id, c.request.sink(path)]);
        const cap = Math.min(this.maxFileBytes, ...buffering.map((c) => c.request.maxBytes ?? Infinity));
        let buffer = null;
        let filled = 0;
        let overCap = null;
        if (buffering.length > 0) {
            if (size > cap)
                overCap = `file is ${size} bytes, over the ${cap}-byte content cap (requested by ${buffering.map((c) => c.request.id).join(', ')})`;
            else
                buffer = Buffer.allocUnsafe(size);
        }
        const contents = this.result.contents;
        return {
            data(chunk) {
                if (buffer) {
                    chunk.copy(buffer, filled);
                    filled += chunk.length;
                }
                for (const [, s] of sinks)
                    s.write(chunk);
            },
            end() {
                const sinkResults = sinks.length ? new Map(sinks.map(([id, s]) => [id, s.end()])) : undefined;
                if (buffer)
                    contents.set(path, { kind: 'content', data: buffer, ...(sinkResults ? { sinks: sinkResults } : {}) });
                else if (overCap)
                    contents.set(path, { kind: 'unknown', reason: overCap, ...(sinkResults ? { sinks: sinkResults } : {}) });
                else if (sinkResults)
                    contents.set(path, { kind: 'sinks-only', sinks: sinkResults });
            },
        };
    }
    #unknown(reason, path) {
        this.result.unknowns.push({ stage: 'image', reason, path, ...(this.layerDigest ? { layerDigest: this.layerDigest } : {}) });
    }
}
exports.LayerCollector = LayerCollector;


/***/ }),

/***/ 514:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readLayer = readLayer;
const node_crypto_1 = __nccwpck_require__(598);
const errors_js_1 = __nccwpck_require__(922);
const decompress_js_1 = __nccwpck_require__(454);
const layer_collector_js_1 = __nccwpck_require__(294);
const tar_parser_js_1 = __nccwpck_require__(296);
/**
 * Reads one layer blob in one pass: sha256 of the stored bytes, decompression chosen by magic number (gzip, zstd
 * or none), sha256 of the tar, and the tar parsed into a LayerResult. Nothing is written to disk. Digest mismatches,
 * truncation and corrupt data are ImageErrors that name the layer.
 */
async function readLayer(blob, options) {
    const collector = new layer_collector_js_1.LayerCollector(options.matcher, options.maxFileBytes, options.layerDigest);
    const parser = new tar_parser_js_1.TarParser((h) => collector.add(h));
    const storedHash = (0, node_crypto_1.createHash)('sha256');
    const tarHash = (0, node_crypto_1.createHash)('sha256');
    let storedBytes = 0;
    let tarBytes = 0;
    let compression = 'none';
    const onTar = (chunk) => {
        tarHash.update(chunk);
        tarBytes += chunk.length;
        parser.push(chunk);
    };
    try {
        const it = blob[Symbol.asyncIterator]();
        let head = Buffer.alloc(0);
        // Gather at least 4 bytes to recognise the compression.
        while (head.length < 4) {
            const n = await it.next();
            if (n.done)
                break;
            const chunk = toBuffer(n.value);
            storedHash.update(chunk);
            storedBytes += chunk.length;
            head = head.length ? Buffer.concat([head, chunk]) : chunk;
        }
        compression = (0, decompress_js_1.sniffCompression)(head);
        const decompressor = (0, decompress_js_1.createDecompressor)(compression);
        if (!decompressor) {
            if (head.length)
                onTar(head);
            for (let n = await it.next(); !n.done; n = await it.next()) {
                throwIfAborted(options.signal);
                const chunk = toBuffer(n.value);
                storedHash.update(chunk);
                storedBytes += chunk.length;
                onTar(chunk);
            }
        }
        else {
            await new Promise((resolve, reject) => {
                let failed = false;
                const fail = (e) => {
                    if (failed)
                        return;
                    failed = true;
                    decompressor.destroy();
                    reject(e);
                };
                decompressor.on('data', (chunk) => {
                    try {
                        onTar(chunk);
                    }
                    catch (e) {
                        fail(e);
                    }
                });
                decompressor.on('error', fail);
                decompressor.on('end', () => {
                    if (!failed)
                        resolve();
                });
                const pump = async () => {
                    if (!decompressor.write(head))
                        await drained(decompressor);
                    for (let n = await it.next(); !n.done; n = await it.next()) {
                        if (failed)
                            return;
                        throwIfAborted(options.signal);
                        const chunk = toBuffer(n.value);
                        storedHash.update(chunk);
                        storedBytes += chunk.length;
                        if (!decompressor.write(chunk))
                            await drained(decompressor);
                    }
                    decompressor.end();
                };
                pump().catch(fail);
            });
        }
        parser.end();
    }
    catch (e) {
        blob.destroy();
        throw describeFailure(e, compression, options.label);
    }
    const digest = `sha256:${storedHash.digest('hex')}`;
    const diffId = `sha256:${tarHash.digest('hex')}`;
    if (options.expectedDigest && options.expectedDigest !== digest) {
        throw new errors_js_1.ImageError(`digest mismatch for ${options.label}: the manifest says ${options.expectedDigest} but the blob's content hashes to ${digest}`);
    }
    if (options.expectedDiffId && options.expectedDiffId !== diffId) {
        throw new errors_js_1.ImageError(`diff_id mismatch for ${options.label}: the config says ${options.expectedDiffId} but the uncompressed layer hashes to ${diffId}`);
    }
    return { ...collector.result, digest, diffId, compression, storedBytes, tarBytes };
}
function toBuffer(chunk) {
    return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}
function drained(stream) {
    return new Promise((resolve, reject) => {
        const onDrain = () => {
            stream.off('error', onError);
            resolve();
        };
        const onError = (e) => {
            stream.off('drain', onDrain);
            reject(e);
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
    });
}
function throwIfAborted(signal) {
    if (signal?.aborted)
        throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
function describeFailure(e, compression, label) {
    if (e instanceof errors_js_1.ImageError)
        return e;
    const msg = e?.message ?? String(e);
    if (e instanceof tar_parser_js_1.TarFormatError)
        return new errors_js_1.ImageError(`${label}: ${msg}`, { cause: e });
    const code = e.code;
    if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(msg)) {
        return new errors_js_1.ImageError(`${label}: truncated ${compression} data (${msg})`, { cause: e });
    }
    if (code?.startsWith('Z_') || /zstd/i.test(msg)) {
        return new errors_js_1.ImageError(`${label}: corrupt ${compression} data (${msg})`, { cause: e });
    }
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
        return new errors_js_1.ImageError(`${label}: ${msg}`, { cause: e });
    if (e?.name === 'AbortError')
        return e;
    return e instanceof Error ? e : new Error(msg);
}


/***/ }),

/***/ 305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BARE_NAME_ORDER = exports.imageSourceRegistry = exports.IMAGE_SOURCES = void 0;
const registry_js_1 = __nccwpck_require__(967);
const oci_dir_js_1 = __nccwpck_require__(855);
const archive_file_js_1 = __nccwpck_require__(177);
/** Every image source. A bare name (no scheme) tries BARE_NAME_ORDER in turn. */
exports.IMAGE_SOURCES = [oci_dir_js_1.ociDirSource, archive_file_js_1.ociArchiveSource, archive_file_js_1.dockerArchiveSource];
exports.imageSourceRegistry = new registry_js_1.Registry('image source', exports.IMAGE_SOURCES);
/** Sources tried, in order, for a reference without a scheme. */
exports.BARE_NAME_ORDER = ['docker', 'registry'];


/***/ }),

/***/ 596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ACCEPTED_MANIFEST_TYPES = exports.MediaTypes = void 0;
exports.parseManifest = parseManifest;
exports.hostPlatform = hostPlatform;
exports.parsePlatform = parsePlatform;
exports.formatPlatform = formatPlatform;
exports.selectPlatform = selectPlatform;
exports.parseConfig = parseConfig;
exports.buildMetadata = buildMetadata;
const errors_js_1 = __nccwpck_require__(922);
exports.MediaTypes = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
    dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
};
const LAYER_MEDIA_TYPES = new Set([
    'application/vnd.oci.image.layer.v1.tar',
    'application/vnd.oci.image.layer.v1.tar+gzip',
    'application/vnd.oci.image.layer.v1.tar+zstd',
    'application/vnd.oci.image.layer.nondistributable.v1.tar',
    'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
    'application/vnd.docker.image.rootfs.diff.tar',
    'application/vnd.docker.image.rootfs.diff.tar.gzip',
    'application/vnd.docker.image.rootfs.diff.tar.zstd',
    'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
]);
exports.ACCEPTED_MANIFEST_TYPES = [exports.MediaTypes.ociIndex, exports.MediaTypes.dockerList, exports.MediaTypes.ociManifest, exports.MediaTypes.dockerManifest];
/**
 * Classifies a manifest document. `declaredType` is the Content-Type or descriptor media type, when known
 * (umoci writes manifests without a `mediaType` field, so the shape decides then). Schema 1 and unknown media
 * types are refused with a clear message.
 */
function parseManifest(bytes, declaredType, what) {
    let doc;
    try {
        doc = JSON.parse(bytes.toString());
    }
    catch (e) {
        throw new errors_js_1.ImageError(`${what} is not valid JSON: ${e.message}`);
    }
    if (typeof doc !== 'object' || doc === null)
        throw new errors_js_1.ImageError(`${what} is not a JSON object`);
    const type = (typeof doc.mediaType === 'string' ? doc.mediaType : undefined) ?? cleanType(declaredType);
    if (doc.schemaVersion === 1 || type === exports.MediaTypes.dockerSchema1 || type === exports.MediaTypes.dockerSchema1Signed) {
        throw new errors_js_1.ImageError(`${what} is a Docker schema 1 manifest, which is deprecated and not supported; re-push the image with a current Docker or skopeo`);
    }
    if (type === exports.MediaTypes.ociIndex || type === exports.MediaTypes.dockerList || (!type && Array.isArray(doc.manifests))) {
        if (!Array.isArray(doc.manifests))
            throw new errors_js_1.ImageError(`${what} is an index without "manifests"`);
        return { kind: 'index', index: doc, mediaType: type ?? exports.MediaTypes.ociIndex };
    }
    if (type === exports.MediaTypes.ociManifest || type === exports.MediaTypes.dockerManifest || (!type && doc.config && Array.isArray(doc.layers))) {
        const m = doc;
        if (!m.config || typeof m.config.digest !== 'string' || !Array.isArray(m.layers)) {
            throw new errors_js_1.ImageError(`${what} is missing its config or layers`);
        }
        return { kind: 'manifest', manifest: m, mediaType: type ?? exports.MediaTypes.ociManifest };
    }
    throw new errors_js_1.ImageError(`${what} has an unsupported media type "${type ?? '(none)'}"; expected an OCI or Docker v2 manifest or index`);
}
function cleanType(t) {
    return t?.split(';')[0]?.trim() || undefined;
}
/** The platform of the machine running Portcullis, in OCI terms. */
function hostPlatform() {
    const arch = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
    const p = { os: 'linux', architecture: arch[process.arch] ?? process.arch };
    if (p.architecture === 'arm64')
        p.variant = 'v8';
    return p;
}
/** Parses `os/arch[/variant]`. */
function parsePlatform(text) {
    const parts = text.split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
        throw new errors_js_1.ImageError(`invalid platform "${text}": expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`);
    }
    return { os: parts[0], architecture: parts[1], ...(parts[2] ? { variant: parts[2] } : {}) };
}
function formatPlatform(p) {
    if (!p)
        return 'unknown';
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/**
 * Picks the manifest for `wanted` from an index. Attestation manifests (`unknown/unknown`) are skipped. A missing
 * variant matches any (arm64 images often omit `v8`). When nothing matches, the error lists what is there.
 */
function selectPlatform(index, wanted, what) {
    const candidates = index.manifests.filter((d) => d.platform && !(d.platform.os === 'unknown' && d.platform.architecture === 'unknown') && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
    const matches = candidates.filter((d) => d.platform.os === wanted.os &&
        d.platform.architecture === wanted.architecture &&
        (!wanted.variant || !d.platform.variant || d.platform.variant === wanted.variant));
    const exact = matches.find((d) => d.platform.variant === wanted.variant);
    const chosen = exact ?? matches[0];
    if (!chosen) {
        const there = candidates.map((d) => formatPlatform(d.platform)).join(', ') || '(none)';
        throw new errors_js_1.ImageError(`${what} has no image for platform ${formatPlatform(wanted)}; platforms available: ${there}`);
    }
    return chosen;
}
function parseConfig(bytes, what) {
    let doc;
    try {
        doc = JSON.parse(bytes.toString());
    }
    catch (e) {
        throw new errors_js_1.ImageError(`${what} is not valid JSON: ${e.message}`);
    }
    if (!doc || typeof doc !== 'object' || !doc.rootfs || !Array.isArray(doc.rootfs.diff_ids)) {
        throw new errors_js_1.ImageError(`${what} is not an image config (no rootfs.diff_ids)`);
    }
    return doc;
}
/**
 * Joins a manifest and its config into ImageMetadata: one LayerInfo per layer with its diff_id and the history
 * entry that created it (entries marked empty_layer are skipped when pairing).
 */
function buildMetadata(args) {
    const { manifest, config } = args;
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== manifest.layers.length) {
        throw new errors_js_1.ImageError(`image config lists ${diffIds.length} diff_ids but the manifest has ${manifest.layers.length} layers`);
    }
    const history = config.history ?? [];
    const layerHistory = [];
    history.forEach((h, i) => {
        if (!h.empty_layer)
            layerHistory.push(i);
    });
    const pairHistory = layerHistory.length === manifest.layers.length;
    const layers = manifest.layers.map((d, index) => {
        if (d.mediaType && !LAYER_MEDIA_TYPES.has(d.mediaType)) {
            throw new errors_js_1.ImageError(`layer ${index} (${d.digest}) has unsupported media type "${d.mediaType}"`);
        }
        const hi = pairHistory ? layerHistory[index] : undefined;
        return {
            index,
            digest: d.digest,
            diffId: diffIds[index],
            mediaType: d.mediaType ?? 'application/vnd.oci.image.layer.v1.tar',
            size: d.size,
            ...(hi !== undefined ? { history: history[hi], historyIndex: hi } : {}),
        };
    });
    return {
        reference: args.reference,
        source: args.source,
        ...(args.manifestDigest ? { manifestDigest: args.manifestDigest } : {}),
        ...(args.manifestMediaType ? { manifestMediaType: args.manifestMediaType } : {}),
        ...(args.indexDigest ? { indexDigest: args.indexDigest } : {}),
        configDigest: args.manifest.config.digest,
        platform: { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) },
        layers,
        config,
        repoTags: args.repoTags ?? [],
        repoDigests: args.repoDigests ?? [],
    };
}


/***/ }),

/***/ 803:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveOciLayout = resolveOciLayout;
exports.readVerified = readVerified;
exports.blobPath = blobPath;
exports.isDigest = isDigest;
const node_crypto_1 = __nccwpck_require__(598);
const errors_js_1 = __nccwpck_require__(922);
const manifest_js_1 = __nccwpck_require__(596);
const REF_NAME = 'org.opencontainers.image.ref.name';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/**
 * Resolves an OCI layout's `index.json` to one image: by ref name (`org.opencontainers.image.ref.name`), or the
 * only entry when there is one; then through nested indexes by platform. Every blob read is digest-checked.
 */
async function resolveOciLayout(args) {
    const { store, label } = args;
    const top = (0, manifest_js_1.parseManifest)(args.indexJson, undefined, `${label}: index.json`);
    if (top.kind !== 'index')
        throw new errors_js_1.ImageError(`${label}: index.json is not an image index`);
    const entries = top.index.manifests;
    let chosen;
    if (args.refName !== undefined) {
        chosen = entries.find((d) => d.annotations?.[REF_NAME] === args.refName) ?? entries.find((d) => d.digest === args.refName);
        if (!chosen) {
            throw new errors_js_1.ImageError(`${label} has no image with ref "${args.refName}"; refs available: ${refList(entries)}`);
        }
    }
    else if (entries.length === 1) {
        chosen = entries[0];
    }
    else if (entries.length === 0) {
        throw new errors_js_1.ImageError(`${label}: index.json lists no images`);
    }
    else {
        throw new errors_js_1.ImageError(`${label} holds ${entries.length} images; name one by appending :REF to the reference (refs available: ${refList(entries)})`);
    }
    return resolveDescriptor(store, chosen, args.platform, label, undefined, 0);
}
async function resolveDescriptor(store, desc, platform, label, indexDigest, depth) {
    if (depth > 4)
        throw new errors_js_1.ImageError(`${label}: indexes nested too deeply`);
    const bytes = await readVerified(store, desc.digest, label, 'manifest');
    const parsed = (0, manifest_js_1.parseManifest)(bytes, desc.mediaType, `${label}: manifest ${desc.digest}`);
    if (parsed.kind === 'index') {
        const next = (0, manifest_js_1.selectPlatform)(parsed.index, platform, `${label}: index ${desc.digest}`);
        return resolveDescriptor(store, next, platform, label, desc.digest, depth + 1);
    }
    const configBytes = await readVerified(store, parsed.manifest.config.digest, label, 'config');
    return {
        manifest: parsed.manifest,
        manifestDigest: desc.digest,
        manifestMediaType: parsed.mediaType,
        ...(indexDigest ? { indexDigest } : {}),
        config: (0, manifest_js_1.parseConfig)(configBytes, `${label}: config ${parsed.manifest.config.digest}`),
    };
}
/** Reads a blob and checks its sha256. */
async function readVerified(store, digest, label, what) {
    if (!DIGEST.test(digest))
        throw new errors_js_1.ImageError(`${label}: ${what} has an invalid or unsupported digest "${digest}"`);
    const bytes = await store.get(digest);
    if (!bytes)
        throw new errors_js_1.ImageError(`${label}: ${what} blob ${digest} is missing`);
    const actual = `sha256:${(0, node_crypto_1.createHash)('sha256').update(bytes).digest('hex')}`;
    if (actual !== digest)
        throw new errors_js_1.ImageError(`${label}: digest mismatch for ${what} blob ${digest}: its content hashes to ${actual}`);
    return bytes;
}
/** Path of a blob inside a layout: `blobs/sha256/<hex>`. */
function blobPath(digest) {
    const [alg, hex] = digest.split(':');
    return `blobs/${alg}/${hex}`;
}
function isDigest(s) {
    return DIGEST.test(s);
}
function refList(entries) {
    const refs = entries.map((d) => d.annotations?.[REF_NAME] ?? d.digest);
    return refs.join(', ') || '(none)';
}


/***/ }),

/***/ 153:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.knownSchemes = knownSchemes;
exports.openImage = openImage;
exports.loadImage = loadImage;
const errors_js_1 = __nccwpck_require__(922);
const list_js_1 = __nccwpck_require__(305);
const read_image_js_1 = __nccwpck_require__(313);
const reference_js_1 = __nccwpck_require__(564);
function knownSchemes() {
    return list_js_1.IMAGE_SOURCES.flatMap((s) => s.schemes);
}
function sourceForScheme(scheme) {
    const s = list_js_1.IMAGE_SOURCES.find((x) => x.schemes.includes(scheme));
    if (!s)
        throw new errors_js_1.ConfigurationError(`unknown image scheme "${scheme}"; known: ${knownSchemes().join(', ')}`);
    return s;
}
/**
 * Opens `scheme:location`. A bare name tries the daemon, then the registry; when every one fails, the error
 * says what each said.
 */
async function openImage(raw, options, signal) {
    const ref = (0, reference_js_1.parseReference)(raw, knownSchemes());
    if (ref.scheme)
        return sourceForScheme(ref.scheme).open(ref, options, signal);
    const tried = [];
    for (const scheme of list_js_1.BARE_NAME_ORDER) {
        const source = list_js_1.IMAGE_SOURCES.find((x) => x.schemes.includes(scheme));
        if (!source)
            continue;
        try {
            return await source.open({ ...ref, scheme }, options, signal);
        }
        catch (e) {
            options.logger.debug(`${scheme}: ${(0, errors_js_1.getErrorMessage)(e)}`);
            tried.push(`${scheme}: ${(0, errors_js_1.getErrorMessage)(e)}`);
        }
    }
    if (tried.length === 0) {
        throw new errors_js_1.ConfigurationError(`"${raw}" has no scheme; use one of ${knownSchemes().map((s) => `${s}:`).join(', ')}`);
    }
    throw new errors_js_1.ImageError(`cannot open image "${raw}": ${tried.join('; ')}`);
}
/** Opens and reads an image in one go. */
async function loadImage(raw, options) {
    const opened = await openImage(raw, options, options.signal);
    return (0, read_image_js_1.readImage)(opened, options);
}


/***/ }),

/***/ 469:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.normalizeEntryName = normalizeEntryName;
exports.resolveLinkTarget = resolveLinkTarget;
exports.dirname = dirname;
exports.basename = basename;
exports.compileGlob = compileGlob;
/**
 * Paths inside an image are absolute, '/'-separated and normalised. A tar name that would climb out of the
 * image root (`../x`, `a/../../x`) is refused: the caller records it as an unknown.
 */
function normalizeEntryName(name) {
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return null;
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return `/${parts.join('/')}`;
}
/** Resolves `target` (a symlink's text) against the directory holding `linkPath`, clamped at the root. */
function resolveLinkTarget(linkPath, target) {
    const base = target.startsWith('/') ? [] : dirname(linkPath).split('/').filter(Boolean);
    for (const part of target.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            base.pop(); // ".." at the root stays at the root, as the kernel does in a chroot
        else
            base.push(part);
    }
    return `/${base.join('/')}`;
}
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Compiles a glob over absolute image paths once. `**` matches any number of path segments (including none),
 * `*` and `?` stay within one segment, `{a,b}` alternates. A pattern without a leading '/' is anchored at the root.
 */
function compileGlob(glob) {
    const g = glob.startsWith('/') ? glob : `/${glob}`;
    let re = '^';
    for (let i = 0; i < g.length; i++) {
        const c = g[i];
        if (c === '*') {
            if (g[i + 1] === '*') {
                const slashAfter = g[i + 2] === '/';
                re += slashAfter ? '(?:[^/]*/)*' : '.*';
                i += slashAfter ? 2 : 1;
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '{') {
            const close = g.indexOf('}', i);
            if (close < 0)
                re += '\\{';
            else {
                re += `(?:${g.slice(i + 1, close).split(',').map(escapeRegex).join('|')})`;
                i = close;
            }
        }
        else
            re += escapeRegex(c);
    }
    return new RegExp(`${re}$`);
}
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}


/***/ }),

/***/ 313:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.readImage = readImage;
const logger_js_1 = __nccwpck_require__(353);
const archive_reader_js_1 = __nccwpck_require__(675);
const directory_js_1 = __nccwpck_require__(930);
const file_request_js_1 = __nccwpck_require__(271);
const file_view_js_1 = __nccwpck_require__(661);
const layer_reader_js_1 = __nccwpck_require__(514);
const manifest_js_1 = __nccwpck_require__(596);
/**
 * Reads an opened image in one pass and returns its squashed FileView. Each layer is streamed exactly once,
 * never written to disk, with its digests checked as it streams.
 */
async function readImage(opened, options = {}) {
    const matcher = new file_request_js_1.RequestMatcher(options.requests ?? []);
    const maxFileBytes = options.maxFileBytes ?? directory_js_1.DEFAULT_MAX_FILE_BYTES;
    const logger = options.logger ?? logger_js_1.silentLogger;
    try {
        if (opened.kind === 'archive') {
            const stream = await opened.open(options.signal);
            const { metadata, layers } = await (0, archive_reader_js_1.readImageArchive)(stream, {
                label: opened.label,
                reference: opened.reference,
                source: opened.source,
                ...(opened.refName !== undefined ? { refName: opened.refName } : {}),
                platform: options.platform ?? (0, manifest_js_1.hostPlatform)(),
                matcher,
                maxFileBytes,
                ...(options.signal ? { signal: options.signal } : {}),
            });
            return withStats(file_view_js_1.FileView.squash(metadata, layers), layers);
        }
        const results = [];
        for (const layer of opened.metadata.layers) {
            const label = `layer ${layer.index} (${layer.digest})`;
            logger.debug(`reading ${label}`);
            const blob = await opened.blob(layer, options.signal);
            results.push(await (0, layer_reader_js_1.readLayer)(blob, {
                matcher,
                maxFileBytes,
                label,
                expectedDigest: layer.digest,
                expectedDiffId: layer.diffId,
                layerDigest: layer.digest,
                ...(options.signal ? { signal: options.signal } : {}),
            }));
        }
        return withStats(file_view_js_1.FileView.squash(opened.metadata, results), results);
    }
    finally {
        await opened.close();
    }
}
function withStats(view, layers) {
    return Object.assign(view, {
        stats: {
            layers: layers.map((l, index) => ({
                index,
                digest: l.digest,
                compression: l.compression,
                storedBytes: l.storedBytes,
                tarBytes: l.tarBytes,
                entries: l.stats.entries,
            })),
        },
    });
}


/***/ }),

/***/ 564:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseReference = parseReference;
exports.splitPathAndRef = splitPathAndRef;
const errors_js_1 = __nccwpck_require__(922);
const SCHEME = /^([a-z][a-z0-9-]*):(.*)$/s;
/**
 * Splits `scheme:location`. A string whose prefix is not one of the known schemes is a bare image name
 * (`alpine:3.20`, `localhost:5000/app:1`), which tries the daemon first and then the registry.
 */
function parseReference(raw, knownSchemes) {
    const input = raw.trim();
    if (input === '')
        throw new errors_js_1.ConfigurationError('empty image reference');
    const m = SCHEME.exec(input);
    if (m && knownSchemes.includes(m[1])) {
        if (m[2] === '')
            throw new errors_js_1.ConfigurationError(`image reference "${raw}" has no location after "${m[1]}:"`);
        return { raw, scheme: m[1], location: m[2] };
    }
    return { raw, scheme: undefined, location: input };
}
/**
 * For `oci-dir:PATH[:REF]` and `oci-archive:PATH[:REF]`: the path, and the ref after the last colon when the whole
 * location is not itself an existing path.
 */
function splitPathAndRef(location, exists) {
    if (exists(location))
        return { path: location };
    const i = location.lastIndexOf(':');
    if (i > 0 && !location.slice(i + 1).includes('/')) {
        return { path: location.slice(0, i), ref: location.slice(i + 1) };
    }
    return { path: location };
}


/***/ }),

/***/ 177:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ociArchiveSource = exports.dockerArchiveSource = void 0;
const reference_js_1 = __nccwpck_require__(564);
const file_helpers_js_1 = __nccwpck_require__(804);
/** `docker-archive:PATH[:TAG]`: `docker save` output, legacy or Docker ≥25 layout, read in one pass. */
exports.dockerArchiveSource = {
    id: 'docker-archive',
    version: 0,
    schemes: ['docker-archive'],
    description: 'a `docker save` tarball (legacy or Docker ≥25 layout): docker-archive:PATH[:TAG]',
    open: (ref) => openArchive(ref.location, ref.raw, 'docker-archive', 'docker archive'),
};
/** `oci-archive:PATH[:REF]`: a tar of an OCI image layout, read in one pass. */
exports.ociArchiveSource = {
    id: 'oci-archive',
    version: 0,
    schemes: ['oci-archive'],
    description: 'a tar of an OCI image layout: oci-archive:PATH[:REF]',
    open: (ref) => openArchive(ref.location, ref.raw, 'oci-archive', 'OCI archive'),
};
async function openArchive(location, raw, source, what) {
    const { path, ref } = (0, reference_js_1.splitPathAndRef)(location, file_helpers_js_1.pathExists);
    await (0, file_helpers_js_1.statInput)(path, 'file', what);
    return {
        kind: 'archive',
        label: `${what} ${path}`,
        reference: raw,
        source,
        ...(ref !== undefined ? { refName: ref } : {}),
        open: async () => (0, file_helpers_js_1.fileStream)(path),
        close: async () => { },
    };
}


/***/ }),

/***/ 804:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.pathExists = void 0;
exports.statInput = statInput;
exports.fileStream = fileStream;
const node_fs_1 = __nccwpck_require__(24);
const promises_1 = __nccwpck_require__(455);
const errors_js_1 = __nccwpck_require__(922);
/** Stats a user-given path, turning "missing" and "wrong kind" into clear image errors. */
async function statInput(path, want, what) {
    let st;
    try {
        st = await (0, promises_1.stat)(path);
    }
    catch (e) {
        const code = e.code;
        throw new errors_js_1.ImageError(code === 'ENOENT' ? `${what} ${path} does not exist` : `cannot read ${what} ${path}: ${e.message}`, { cause: e });
    }
    if (want === 'file' && !st.isFile())
        throw new errors_js_1.ImageError(`${what} ${path} is not a file`);
    if (want === 'dir' && !st.isDirectory())
        throw new errors_js_1.ImageError(`${what} ${path} is not a directory (an OCI layout is a directory with index.json and oci-layout)`);
    return st;
}
function fileStream(path, start, end) {
    return (0, node_fs_1.createReadStream)(path, { highWaterMark: 256 * 1024, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) });
}
const pathExists = (p) => (0, node_fs_1.existsSync)(p);
exports.pathExists = pathExists;


/***/ }),

/***/ 855:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ociDirSource = void 0;
const promises_1 = __nccwpck_require__(455);
const node_path_1 = __nccwpck_require__(760);
const errors_js_1 = __nccwpck_require__(922);
const manifest_js_1 = __nccwpck_require__(596);
const oci_layout_js_1 = __nccwpck_require__(803);
const reference_js_1 = __nccwpck_require__(564);
const file_helpers_js_1 = __nccwpck_require__(804);
/** `oci-dir:PATH[:REF]`: an OCI image layout directory. */
exports.ociDirSource = {
    id: 'oci-dir',
    version: 0,
    schemes: ['oci-dir', 'oci'],
    description: 'an OCI image layout directory: oci-dir:PATH[:REF]',
    async open(ref, options) {
        const { path, ref: refName } = (0, reference_js_1.splitPathAndRef)(ref.location, file_helpers_js_1.pathExists);
        await (0, file_helpers_js_1.statInput)(path, 'dir', 'OCI layout');
        const label = `OCI layout ${path}`;
        const indexJson = await (0, promises_1.readFile)((0, node_path_1.join)(path, 'index.json')).catch((e) => {
            throw new errors_js_1.ImageError(`${label} has no readable index.json (${e.message})`, { cause: e });
        });
        const store = {
            get: async (digest) => ((0, oci_layout_js_1.isDigest)(digest) ? (0, promises_1.readFile)((0, node_path_1.join)(path, (0, oci_layout_js_1.blobPath)(digest))).catch(() => undefined) : undefined),
        };
        const resolved = await (0, oci_layout_js_1.resolveOciLayout)({
            indexJson,
            store,
            ...(refName !== undefined ? { refName } : {}),
            platform: options.platform ?? (0, manifest_js_1.hostPlatform)(),
            label,
        });
        const metadata = (0, manifest_js_1.buildMetadata)({
            reference: ref.raw,
            source: 'oci-dir',
            manifest: resolved.manifest,
            manifestDigest: resolved.manifestDigest,
            manifestMediaType: resolved.manifestMediaType,
            ...(resolved.indexDigest ? { indexDigest: resolved.indexDigest } : {}),
            config: resolved.config,
        });
        return {
            kind: 'layered',
            metadata,
            async blob(layer) {
                if (!(0, oci_layout_js_1.isDigest)(layer.digest))
                    throw new errors_js_1.ImageError(`${label}: layer ${layer.index} has an invalid digest "${layer.digest}"`);
                const file = (0, node_path_1.join)(path, (0, oci_layout_js_1.blobPath)(layer.digest));
                await (0, file_helpers_js_1.statInput)(file, 'file', `${label}: layer ${layer.index} blob`).catch((e) => {
                    throw new errors_js_1.ImageError(`${label}: layer ${layer.index} blob ${layer.digest} is missing`, { cause: e });
                });
                return (0, file_helpers_js_1.fileStream)(file);
            },
            async close() { },
        };
    },
};


/***/ }),

/***/ 296:
/***/ ((__unused_webpack_module, exports) => {


/**
 * A streaming tar parser: push chunks in, get entries out. Zero-copy for file data (sinks receive subarrays of
 * the chunks pushed in). Supports ustar, GNU long names/links ('L'/'K'), PAX extended headers ('x'/'g'),
 * base-256 sizes, and verifies each header's checksum. It never touches the disk.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TarParser = exports.TarFormatError = void 0;
class TarFormatError extends Error {
    name = 'TarFormatError';
}
exports.TarFormatError = TarFormatError;
const BLOCK = 512;
const META_LIMIT = 1 << 20; // PAX and GNU long-name records larger than this are refused.
class TarParser {
    onEntry;
    #state = 'header';
    #header = Buffer.alloc(BLOCK);
    #headerFill = 0;
    #remaining = 0; // bytes of entry data still to come
    #padding = 0; // bytes of padding still to skip
    #sink = null;
    #meta = null;
    #globalPax = {};
    #nextPax = null;
    #nextLongName = null;
    #nextLongLink = null;
    #zeroBlocks = 0;
    #entries = 0;
    #offset = 0;
    constructor(onEntry) {
        this.onEntry = onEntry;
    }
    get entries() {
        return this.#entries;
    }
    /** True once the end-of-archive marker (two zero blocks) has been seen. */
    get done() {
        return this.#state === 'done';
    }
    push(chunk) {
        let pos = 0;
        const len = chunk.length;
        while (pos < len) {
            switch (this.#state) {
                case 'header': {
                    const take = Math.min(BLOCK - this.#headerFill, len - pos);
                    if (this.#headerFill === 0 && take === BLOCK) {
                        // Fast path: the whole header is inside this chunk.
                        this.#onHeader(chunk.subarray(pos, pos + BLOCK));
                    }
                    else {
                        chunk.copy(this.#header, this.#headerFill, pos, pos + take);
                        this.#headerFill += take;
                        if (this.#headerFill === BLOCK) {
                            this.#headerFill = 0;
                            this.#onHeader(this.#header);
                        }
                    }
                    pos += take;
                    this.#offset += take;
                    break;
                }
                case 'data':
                case 'meta': {
                    const take = Math.min(this.#remaining, len - pos);
                    const piece = chunk.subarray(pos, pos + take);
                    if (this.#state === 'data')
                        this.#sink?.data(piece);
                    else
                        this.#meta.parts.push(Buffer.from(piece));
                    this.#remaining -= take;
                    pos += take;
                    this.#offset += take;
                    if (this.#remaining === 0)
                        this.#finishEntry();
                    break;
                }
                case 'padding': {
                    const take = Math.min(this.#padding, len - pos);
                    this.#padding -= take;
                    pos += take;
                    this.#offset += take;
                    if (this.#padding === 0)
                        this.#state = 'header';
                    break;
                }
                case 'done':
                    // Anything after the end marker is ignored (tar writers pad to a record size).
                    return;
            }
        }
    }
    /** Call when the input ends. Throws when the archive stops in the middle of an entry. */
    end() {
        if (this.#state === 'done')
            return;
        if (this.#state === 'header' && this.#headerFill === 0 && this.#meta === null) {
            // Many writers omit the end marker or one of its blocks; a stream that ends on an entry boundary is complete.
            if (this.#entries === 0 && this.#zeroBlocks === 0 && this.#offset === 0) {
                throw new TarFormatError('empty input: not a tar archive');
            }
            this.#state = 'done';
            return;
        }
        const where = this.#state === 'data' || this.#state === 'meta' ? `${this.#remaining} bytes short of the end of an entry` : 'in the middle of a header';
        throw new TarFormatError(`truncated tar archive: input ended ${where} (at byte ${this.#offset})`);
    }
    #onHeader(block) {
        if (isZeroBlock(block)) {
            this.#zeroBlocks++;
            if (this.#zeroBlocks >= 2)
                this.#state = 'done';
            return;
        }
        this.#zeroBlocks = 0;
        verifyChecksum(block, this.#offset);
        const typeflag = block[156] === 0 ? '0' : String.fromCharCode(block[156]);
        const size = readNumber(block, 124, 12);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new TarFormatError(`invalid entry size at byte ${this.#offset}`);
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
            if (size > META_LIMIT)
                throw new TarFormatError(`tar extended header of ${size} bytes is too large`);
            this.#meta = { flag: typeflag, parts: [], size };
            this.#remaining = size;
            this.#state = size > 0 ? 'meta' : 'header';
            if (size === 0)
                this.#finishMeta();
            return;
        }
        const pax = this.#nextPax;
        const header = this.#parseHeader(block, typeflag, size, pax);
        this.#nextPax = null;
        this.#nextLongName = null;
        this.#nextLongLink = null;
        this.#entries++;
        // Only regular files carry data in practice; hardlinks/symlinks/dirs may declare a size, which is skipped.
        const dataSize = header.size;
        this.#sink = null;
        const sink = this.onEntry(header);
        if (header.type === 'file' || header.type === 'other')
            this.#sink = sink;
        else
            sink?.end();
        this.#remaining = dataSize;
        this.#padding = (BLOCK - (dataSize % BLOCK)) % BLOCK;
        if (dataSize === 0)
            this.#finishEntry();
        else
            this.#state = 'data';
    }
    #parseHeader(block, typeflag, size, pax) {
        const magic = block.toString('latin1', 257, 263);
        let name = readString(block, 0, 100);
        if (magic === 'ustar\0') {
            const prefix = readString(block, 345, 155);
            if (prefix)
                name = `${prefix}/${name}`;
        }
        let linkname = readString(block, 157, 100);
        const merged = pax || Object.keys(this.#globalPax).length ? { ...this.#globalPax, ...(pax ?? {}) } : null;
        if (this.#nextLongName !== null)
            name = this.#nextLongName;
        if (this.#nextLongLink !== null)
            linkname = this.#nextLongLink;
        let effectiveSize = size;
        let mtime = readNumber(block, 136, 12);
        let uid = readNumber(block, 108, 8);
        let gid = readNumber(block, 116, 8);
        if (merged) {
            if (merged.path !== undefined)
                name = merged.path;
            if (merged.linkpath !== undefined)
                linkname = merged.linkpath;
            if (merged.size !== undefined)
                effectiveSize = Number(merged.size);
            if (merged.mtime !== undefined)
                mtime = Math.floor(Number(merged.mtime));
            if (merged.uid !== undefined)
                uid = Number(merged.uid);
            if (merged.gid !== undefined)
                gid = Number(merged.gid);
            if (!Number.isSafeInteger(effectiveSize) || effectiveSize < 0)
                throw new TarFormatError(`invalid PAX size for "${name}"`);
        }
        return {
            name,
            type: typeOf(typeflag),
            typeflag,
            mode: readNumber(block, 100, 8),
            uid,
            gid,
            size: effectiveSize,
            mtime,
            linkname,
            uname: readString(block, 265, 32),
            gname: readString(block, 297, 32),
            devmajor: readNumber(block, 329, 8),
            devminor: readNumber(block, 337, 8),
            ...(merged ? { pax: merged } : {}),
        };
    }
    #finishEntry() {
        if (this.#state === 'meta') {
            this.#finishMeta();
            return;
        }
        this.#sink?.end();
        this.#sink = null;
        this.#state = this.#padding > 0 ? 'padding' : 'header';
    }
    #finishMeta() {
        const meta = this.#meta;
        this.#meta = null;
        const body = Buffer.concat(meta.parts);
        switch (meta.flag) {
            case 'x':
                this.#nextPax = { ...(this.#nextPax ?? {}), ...parsePax(body) };
                break;
            case 'g':
                Object.assign(this.#globalPax, parsePax(body));
                break;
            case 'L':
                this.#nextLongName = readString(body, 0, body.length);
                break;
            case 'K':
                this.#nextLongLink = readString(body, 0, body.length);
                break;
        }
        this.#padding = (BLOCK - (meta.size % BLOCK)) % BLOCK;
        this.#state = this.#padding > 0 ? 'padding' : 'header';
    }
}
exports.TarParser = TarParser;
function typeOf(flag) {
    switch (flag) {
        case '0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '3':
            return 'char';
        case '4':
            return 'block';
        case '5':
            return 'dir';
        case '6':
            return 'fifo';
        default:
            return 'other';
    }
}
function isZeroBlock(block) {
    for (let i = 0; i < BLOCK; i += 4) {
        if (block.readUInt32LE(i) !== 0)
            return false;
    }
    return true;
}
function verifyChecksum(block, offset) {
    const stored = readNumber(block, 148, 8);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const b = i >= 148 && i < 156 ? 32 : block[i];
        unsigned += b;
        signed += b > 127 ? b - 256 : b;
    }
    if (stored !== unsigned && stored !== signed) {
        throw new TarFormatError(`not a tar archive, or a corrupt one: header checksum mismatch at byte ${offset}`);
    }
}
function readString(buf, start, length) {
    let end = start;
    const max = start + length;
    while (end < max && buf[end] !== 0)
        end++;
    return buf.toString('utf8', start, end);
}
function readNumber(buf, start, length) {
    const first = buf[start];
    if (first & 0x80) {
        // base-256: big-endian two's complement in the remaining bytes (positive values only in practice).
        let value = first & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            value = value * 256 + buf[i];
        return value;
    }
    let value = 0;
    let seen = false;
    for (let i = start; i < start + length; i++) {
        const c = buf[i];
        if (c === 0 || c === 32) {
            if (seen)
                break;
            continue;
        }
        if (c < 48 || c > 55)
            throw new TarFormatError(`not a tar archive, or a corrupt one: bad octal field`);
        value = value * 8 + (c - 48);
        seen = true;
    }
    return value;
}
function parsePax(body) {
    const out = {};
    let pos = 0;
    while (pos < body.length) {
        const space = body.indexOf(32, pos);
        if (space < 0)
            break;
        const len = Number(body.toString('latin1', pos, space));
        if (!Number.isSafeInteger(len) || len <= 0 || pos + len > body.length)
            throw new TarFormatError('corrupt PAX extended header');
        const record = body.toString('utf8', space + 1, pos + len - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        pos += len;
    }
    return out;
}


/***/ }),

/***/ 967:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Registry = void 0;
const errors_js_1 = __nccwpck_require__(922);
/**
 * An ordered, explicit registry of one kind of plugin. Built from a literal list in that kind's `list.ts`;
 * duplicate ids are rejected when the list is built, and unknown ids given by a user are configuration errors.
 */
class Registry {
    kind;
    #byId = new Map();
    #aliases = new Map();
    constructor(kind, plugins, aliasesOf = () => []) {
        this.kind = kind;
        for (const p of plugins) {
            if (this.#byId.has(p.id) || this.#aliases.has(p.id))
                throw new Error(`Duplicate ${kind} id "${p.id}"`);
            this.#byId.set(p.id, p);
        }
        for (const p of plugins) {
            for (const alias of aliasesOf(p)) {
                if (this.#byId.has(alias) || this.#aliases.has(alias))
                    throw new Error(`Duplicate ${kind} alias "${alias}"`);
                this.#aliases.set(alias, p.id);
            }
        }
    }
    all() {
        return [...this.#byId.values()];
    }
    ids() {
        return [...this.#byId.keys()];
    }
    find(idOrAlias) {
        return this.#byId.get(idOrAlias) ?? this.#byId.get(this.#aliases.get(idOrAlias) ?? '');
    }
    /** Looks a plugin up by id or alias; an unknown name is the user's mistake and says what exists. */
    get(idOrAlias) {
        const p = this.find(idOrAlias);
        if (!p) {
            throw new errors_js_1.ConfigurationError(`Unknown ${this.kind} "${idOrAlias}". Known: ${[...this.#byId.keys(), ...this.#aliases.keys()].sort().join(', ')}`);
        }
        return p;
    }
}
exports.Registry = Registry;


/***/ }),

/***/ 720:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.VERSION = void 0;
/** The tool's version, kept in step with package.json by a test. */
exports.VERSION = '0.1.0';


/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 75:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 909:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { Argument } = __nccwpck_require__(154);
const { Command } = __nccwpck_require__(348);
const { CommanderError, InvalidArgumentError } = __nccwpck_require__(135);
const { Help } = __nccwpck_require__(754);
const { Option } = __nccwpck_require__(240);

exports.program = new Command();

exports.createCommand = (name) => new Command(name);
exports.createOption = (flags, description) => new Option(flags, description);
exports.createArgument = (name, description) => new Argument(name, description);

/**
 * Expose classes
 */

exports.Command = Command;
exports.Option = Option;
exports.Argument = Argument;
exports.Help = Help;

exports.CommanderError = CommanderError;
exports.InvalidArgumentError = InvalidArgumentError;
exports.InvalidOptionArgumentError = InvalidArgumentError; // Deprecated


/***/ }),

/***/ 154:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { InvalidArgumentError } = __nccwpck_require__(135);

class Argument {
  /**
   * Initialize a new command argument with the given name and description.
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @param {string} name
   * @param {string} [description]
   */

  constructor(name, description) {
    this.description = description || '';
    this.variadic = false;
    this.parseArg = undefined;
    this.defaultValue = undefined;
    this.defaultValueDescription = undefined;
    this.argChoices = undefined;

    switch (name[0]) {
      case '<': // e.g. <required>
        this.required = true;
        this._name = name.slice(1, -1);
        break;
      case '[': // e.g. [optional]
        this.required = false;
        this._name = name.slice(1, -1);
        break;
      default:
        this.required = true;
        this._name = name;
        break;
    }

    if (this._name.endsWith('...')) {
      this.variadic = true;
      this._name = this._name.slice(0, -3);
    }
  }

  /**
   * Return argument name.
   *
   * @return {string}
   */

  name() {
    return this._name;
  }

  /**
   * @package
   */

  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }

    previous.push(value);
    return previous;
  }

  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Argument}
   */

  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }

  /**
   * Set the custom handler for processing CLI command arguments into argument values.
   *
   * @param {Function} [fn]
   * @return {Argument}
   */

  argParser(fn) {
    this.parseArg = fn;
    return this;
  }

  /**
   * Only allow argument value to be one of choices.
   *
   * @param {string[]} values
   * @return {Argument}
   */

  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(', ')}.`,
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }

  /**
   * Make argument required.
   *
   * @returns {Argument}
   */
  argRequired() {
    this.required = true;
    return this;
  }

  /**
   * Make argument optional.
   *
   * @returns {Argument}
   */
  argOptional() {
    this.required = false;
    return this;
  }
}

/**
 * Takes an argument and returns its human readable equivalent for help usage.
 *
 * @param {Argument} arg
 * @return {string}
 * @private
 */

function humanReadableArgName(arg) {
  const nameOutput = arg.name() + (arg.variadic === true ? '...' : '');

  return arg.required ? '<' + nameOutput + '>' : '[' + nameOutput + ']';
}

exports.Argument = Argument;
exports.humanReadableArgName = humanReadableArgName;


/***/ }),

/***/ 348:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const EventEmitter = (__nccwpck_require__(474).EventEmitter);
const childProcess = __nccwpck_require__(421);
const path = __nccwpck_require__(760);
const fs = __nccwpck_require__(24);
const process = __nccwpck_require__(708);

const { Argument, humanReadableArgName } = __nccwpck_require__(154);
const { CommanderError } = __nccwpck_require__(135);
const { Help, stripColor } = __nccwpck_require__(754);
const { Option, DualOptions } = __nccwpck_require__(240);
const { suggestSimilar } = __nccwpck_require__(30);

class Command extends EventEmitter {
  /**
   * Initialize a new `Command`.
   *
   * @param {string} [name]
   */

  constructor(name) {
    super();
    /** @type {Command[]} */
    this.commands = [];
    /** @type {Option[]} */
    this.options = [];
    this.parent = null;
    this._allowUnknownOption = false;
    this._allowExcessArguments = false;
    /** @type {Argument[]} */
    this.registeredArguments = [];
    this._args = this.registeredArguments; // deprecated old name
    /** @type {string[]} */
    this.args = []; // cli args with options removed
    this.rawArgs = [];
    this.processedArgs = []; // like .args but after custom processing and collecting variadic
    this._scriptPath = null;
    this._name = name || '';
    this._optionValues = {};
    this._optionValueSources = {}; // default, env, cli etc
    this._storeOptionsAsProperties = false;
    this._actionHandler = null;
    this._executableHandler = false;
    this._executableFile = null; // custom name for executable
    this._executableDir = null; // custom search directory for subcommands
    this._defaultCommandName = null;
    this._exitCallback = null;
    this._aliases = [];
    this._combineFlagAndOptionalValue = true;
    this._description = '';
    this._summary = '';
    this._argsDescription = undefined; // legacy
    this._enablePositionalOptions = false;
    this._passThroughOptions = false;
    this._lifeCycleHooks = {}; // a hash of arrays
    /** @type {(boolean | string)} */
    this._showHelpAfterError = false;
    this._showSuggestionAfterError = true;
    this._savedState = null; // used in save/restoreStateBeforeParse

    // see configureOutput() for docs
    this._outputConfiguration = {
      writeOut: (str) => process.stdout.write(str),
      writeErr: (str) => process.stderr.write(str),
      outputError: (str, write) => write(str),
      getOutHelpWidth: () =>
        process.stdout.isTTY ? process.stdout.columns : undefined,
      getErrHelpWidth: () =>
        process.stderr.isTTY ? process.stderr.columns : undefined,
      getOutHasColors: () =>
        useColor() ?? (process.stdout.isTTY && process.stdout.hasColors?.()),
      getErrHasColors: () =>
        useColor() ?? (process.stderr.isTTY && process.stderr.hasColors?.()),
      stripColor: (str) => stripColor(str),
    };

    this._hidden = false;
    /** @type {(Option | null | undefined)} */
    this._helpOption = undefined; // Lazy created on demand. May be null if help option is disabled.
    this._addImplicitHelpCommand = undefined; // undecided whether true or false yet, not inherited
    /** @type {Command} */
    this._helpCommand = undefined; // lazy initialised, inherited
    this._helpConfiguration = {};
    /** @type {string | undefined} */
    this._helpGroupHeading = undefined; // soft initialised when added to parent
    /** @type {string | undefined} */
    this._defaultCommandGroup = undefined;
    /** @type {string | undefined} */
    this._defaultOptionGroup = undefined;
  }

  /**
   * Copy settings that are useful to have in common across root command and subcommands.
   *
   * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
   *
   * @param {Command} sourceCommand
   * @return {Command} `this` command for chaining
   */
  copyInheritedSettings(sourceCommand) {
    this._outputConfiguration = sourceCommand._outputConfiguration;
    this._helpOption = sourceCommand._helpOption;
    this._helpCommand = sourceCommand._helpCommand;
    this._helpConfiguration = sourceCommand._helpConfiguration;
    this._exitCallback = sourceCommand._exitCallback;
    this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
    this._combineFlagAndOptionalValue =
      sourceCommand._combineFlagAndOptionalValue;
    this._allowExcessArguments = sourceCommand._allowExcessArguments;
    this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
    this._showHelpAfterError = sourceCommand._showHelpAfterError;
    this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;

    return this;
  }

  /**
   * @returns {Command[]}
   * @private
   */

  _getCommandAndAncestors() {
    const result = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    for (let command = this; command; command = command.parent) {
      result.push(command);
    }
    return result;
  }

  /**
   * Define a command.
   *
   * There are two styles of command: pay attention to where to put the description.
   *
   * @example
   * // Command implemented using action handler (description is supplied separately to `.command`)
   * program
   *   .command('clone <source> [destination]')
   *   .description('clone a repository into a newly created directory')
   *   .action((source, destination) => {
   *     console.log('clone command called');
   *   });
   *
   * // Command implemented using separate executable file (description is second parameter to `.command`)
   * program
   *   .command('start <service>', 'start named service')
   *   .command('stop [service]', 'stop named service, or all if no name supplied');
   *
   * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
   * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
   * @param {object} [execOpts] - configuration options (for executable)
   * @return {Command} returns new command for action handler, or `this` for executable command
   */

  command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
    let desc = actionOptsOrExecDesc;
    let opts = execOpts;
    if (typeof desc === 'object' && desc !== null) {
      opts = desc;
      desc = null;
    }
    opts = opts || {};
    const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);

    const cmd = this.createCommand(name);
    if (desc) {
      cmd.description(desc);
      cmd._executableHandler = true;
    }
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    cmd._hidden = !!(opts.noHelp || opts.hidden); // noHelp is deprecated old name for hidden
    cmd._executableFile = opts.executableFile || null; // Custom name for executable file, set missing to null to match constructor
    if (args) cmd.arguments(args);
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd.copyInheritedSettings(this);

    if (desc) return this;
    return cmd;
  }

  /**
   * Factory routine to create a new unattached command.
   *
   * See .command() for creating an attached subcommand, which uses this routine to
   * create the command. You can override createCommand to customise subcommands.
   *
   * @param {string} [name]
   * @return {Command} new command
   */

  createCommand(name) {
    return new Command(name);
  }

  /**
   * You can customise the help with a subclass of Help by overriding createHelp,
   * or by overriding Help properties using configureHelp().
   *
   * @return {Help}
   */

  createHelp() {
    return Object.assign(new Help(), this.configureHelp());
  }

  /**
   * You can customise the help by overriding Help properties using configureHelp(),
   * or with a subclass of Help by overriding createHelp().
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */

  configureHelp(configuration) {
    if (configuration === undefined) return this._helpConfiguration;

    this._helpConfiguration = configuration;
    return this;
  }

  /**
   * The default output goes to stdout and stderr. You can customise this for special
   * applications. You can also customise the display of errors by overriding outputError.
   *
   * The configuration properties are all functions:
   *
   *     // change how output being written, defaults to stdout and stderr
   *     writeOut(str)
   *     writeErr(str)
   *     // change how output being written for errors, defaults to writeErr
   *     outputError(str, write) // used for displaying errors and not used for displaying help
   *     // specify width for wrapping help
   *     getOutHelpWidth()
   *     getErrHelpWidth()
   *     // color support, currently only used with Help
   *     getOutHasColors()
   *     getErrHasColors()
   *     stripColor() // used to remove ANSI escape codes if output does not have colors
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */

  configureOutput(configuration) {
    if (configuration === undefined) return this._outputConfiguration;

    this._outputConfiguration = {
      ...this._outputConfiguration,
      ...configuration,
    };
    return this;
  }

  /**
   * Display the help or a custom message after an error occurs.
   *
   * @param {(boolean|string)} [displayHelp]
   * @return {Command} `this` command for chaining
   */
  showHelpAfterError(displayHelp = true) {
    if (typeof displayHelp !== 'string') displayHelp = !!displayHelp;
    this._showHelpAfterError = displayHelp;
    return this;
  }

  /**
   * Display suggestion of similar commands for unknown commands, or options for unknown options.
   *
   * @param {boolean} [displaySuggestion]
   * @return {Command} `this` command for chaining
   */
  showSuggestionAfterError(displaySuggestion = true) {
    this._showSuggestionAfterError = !!displaySuggestion;
    return this;
  }

  /**
   * Add a prepared subcommand.
   *
   * See .command() for creating an attached subcommand which inherits settings from its parent.
   *
   * @param {Command} cmd - new subcommand
   * @param {object} [opts] - configuration options
   * @return {Command} `this` command for chaining
   */

  addCommand(cmd, opts) {
    if (!cmd._name) {
      throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
    }

    opts = opts || {};
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    if (opts.noHelp || opts.hidden) cmd._hidden = true; // modifying passed command due to existing implementation

    this._registerCommand(cmd);
    cmd.parent = this;
    cmd._checkForBrokenPassThrough();

    return this;
  }

  /**
   * Factory routine to create a new unattached argument.
   *
   * See .argument() for creating an attached argument, which uses this routine to
   * create the argument. You can override createArgument to return a custom argument.
   *
   * @param {string} name
   * @param {string} [description]
   * @return {Argument} new argument
   */

  createArgument(name, description) {
    return new Argument(name, description);
  }

  /**
   * Define argument syntax for command.
   *
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @example
   * program.argument('<input-file>');
   * program.argument('[output-file]');
   *
   * @param {string} name
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom argument processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  argument(name, description, parseArg, defaultValue) {
    const argument = this.createArgument(name, description);
    if (typeof parseArg === 'function') {
      argument.default(defaultValue).argParser(parseArg);
    } else {
      argument.default(parseArg);
    }
    this.addArgument(argument);
    return this;
  }

  /**
   * Define argument syntax for command, adding multiple at once (without descriptions).
   *
   * See also .argument().
   *
   * @example
   * program.arguments('<cmd> [env]');
   *
   * @param {string} names
   * @return {Command} `this` command for chaining
   */

  arguments(names) {
    names
      .trim()
      .split(/ +/)
      .forEach((detail) => {
        this.argument(detail);
      });
    return this;
  }

  /**
   * Define argument syntax for command, adding a prepared argument.
   *
   * @param {Argument} argument
   * @return {Command} `this` command for chaining
   */
  addArgument(argument) {
    const previousArgument = this.registeredArguments.slice(-1)[0];
    if (previousArgument?.variadic) {
      throw new Error(
        `only the last argument can be variadic '${previousArgument.name()}'`,
      );
    }
    if (
      argument.required &&
      argument.defaultValue !== undefined &&
      argument.parseArg === undefined
    ) {
      throw new Error(
        `a default value for a required argument is never used: '${argument.name()}'`,
      );
    }
    this.registeredArguments.push(argument);
    return this;
  }

  /**
   * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
   *
   * @example
   *    program.helpCommand('help [cmd]');
   *    program.helpCommand('help [cmd]', 'show help');
   *    program.helpCommand(false); // suppress default help command
   *    program.helpCommand(true); // add help command even if no subcommands
   *
   * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
   * @param {string} [description] - custom description
   * @return {Command} `this` command for chaining
   */

  helpCommand(enableOrNameAndArgs, description) {
    if (typeof enableOrNameAndArgs === 'boolean') {
      this._addImplicitHelpCommand = enableOrNameAndArgs;
      if (enableOrNameAndArgs && this._defaultCommandGroup) {
        // make the command to store the group
        this._initCommandGroup(this._getHelpCommand());
      }
      return this;
    }

    const nameAndArgs = enableOrNameAndArgs ?? 'help [command]';
    const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const helpDescription = description ?? 'display help for command';

    const helpCommand = this.createCommand(helpName);
    helpCommand.helpOption(false);
    if (helpArgs) helpCommand.arguments(helpArgs);
    if (helpDescription) helpCommand.description(helpDescription);

    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    // init group unless lazy create
    if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);

    return this;
  }

  /**
   * Add prepared custom help command.
   *
   * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
   * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
   * @return {Command} `this` command for chaining
   */
  addHelpCommand(helpCommand, deprecatedDescription) {
    // If not passed an object, call through to helpCommand for backwards compatibility,
    // as addHelpCommand was originally used like helpCommand is now.
    if (typeof helpCommand !== 'object') {
      this.helpCommand(helpCommand, deprecatedDescription);
      return this;
    }

    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    this._initCommandGroup(helpCommand);
    return this;
  }

  /**
   * Lazy create help command.
   *
   * @return {(Command|null)}
   * @package
   */
  _getHelpCommand() {
    const hasImplicitHelpCommand =
      this._addImplicitHelpCommand ??
      (this.commands.length &&
        !this._actionHandler &&
        !this._findCommand('help'));

    if (hasImplicitHelpCommand) {
      if (this._helpCommand === undefined) {
        this.helpCommand(undefined, undefined); // use default name and description
      }
      return this._helpCommand;
    }
    return null;
  }

  /**
   * Add hook for life cycle event.
   *
   * @param {string} event
   * @param {Function} listener
   * @return {Command} `this` command for chaining
   */

  hook(event, listener) {
    const allowedValues = ['preSubcommand', 'preAction', 'postAction'];
    if (!allowedValues.includes(event)) {
      throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    if (this._lifeCycleHooks[event]) {
      this._lifeCycleHooks[event].push(listener);
    } else {
      this._lifeCycleHooks[event] = [listener];
    }
    return this;
  }

  /**
   * Register callback to use as replacement for calling process.exit.
   *
   * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
   * @return {Command} `this` command for chaining
   */

  exitOverride(fn) {
    if (fn) {
      this._exitCallback = fn;
    } else {
      this._exitCallback = (err) => {
        if (err.code !== 'commander.executeSubCommandAsync') {
          throw err;
        } else {
          // Async callback from spawn events, not useful to throw.
        }
      };
    }
    return this;
  }

  /**
   * Call process.exit, and _exitCallback if defined.
   *
   * @param {number} exitCode exit code for using with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   * @return never
   * @private
   */

  _exit(exitCode, code, message) {
    if (this._exitCallback) {
      this._exitCallback(new CommanderError(exitCode, code, message));
      // Expecting this line is not reached.
    }
    process.exit(exitCode);
  }

  /**
   * Register callback `fn` for the command.
   *
   * @example
   * program
   *   .command('serve')
   *   .description('start service')
   *   .action(function() {
   *      // do work here
   *   });
   *
   * @param {Function} fn
   * @return {Command} `this` command for chaining
   */

  action(fn) {
    const listener = (args) => {
      // The .action callback takes an extra parameter which is the command or options.
      const expectedArgsCount = this.registeredArguments.length;
      const actionArgs = args.slice(0, expectedArgsCount);
      if (this._storeOptionsAsProperties) {
        actionArgs[expectedArgsCount] = this; // backwards compatible "options"
      } else {
        actionArgs[expectedArgsCount] = this.opts();
      }
      actionArgs.push(this);

      return fn.apply(this, actionArgs);
    };
    this._actionHandler = listener;
    return this;
  }

  /**
   * Factory routine to create a new unattached option.
   *
   * See .option() for creating an attached option, which uses this routine to
   * create the option. You can override createOption to return a custom option.
   *
   * @param {string} flags
   * @param {string} [description]
   * @return {Option} new option
   */

  createOption(flags, description) {
    return new Option(flags, description);
  }

  /**
   * Wrap parseArgs to catch 'commander.invalidArgument'.
   *
   * @param {(Option | Argument)} target
   * @param {string} value
   * @param {*} previous
   * @param {string} invalidArgumentMessage
   * @private
   */

  _callParseArg(target, value, previous, invalidArgumentMessage) {
    try {
      return target.parseArg(value, previous);
    } catch (err) {
      if (err.code === 'commander.invalidArgument') {
        const message = `${invalidArgumentMessage} ${err.message}`;
        this.error(message, { exitCode: err.exitCode, code: err.code });
      }
      throw err;
    }
  }

  /**
   * Check for option flag conflicts.
   * Register option if no conflicts found, or throw on conflict.
   *
   * @param {Option} option
   * @private
   */

  _registerOption(option) {
    const matchingOption =
      (option.short && this._findOption(option.short)) ||
      (option.long && this._findOption(option.long));
    if (matchingOption) {
      const matchingFlag =
        option.long && this._findOption(option.long)
          ? option.long
          : option.short;
      throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
    }

    this._initOptionGroup(option);
    this.options.push(option);
  }

  /**
   * Check for command name and alias conflicts with existing commands.
   * Register command if no conflicts found, or throw on conflict.
   *
   * @param {Command} command
   * @private
   */

  _registerCommand(command) {
    const knownBy = (cmd) => {
      return [cmd.name()].concat(cmd.aliases());
    };

    const alreadyUsed = knownBy(command).find((name) =>
      this._findCommand(name),
    );
    if (alreadyUsed) {
      const existingCmd = knownBy(this._findCommand(alreadyUsed)).join('|');
      const newCmd = knownBy(command).join('|');
      throw new Error(
        `cannot add command '${newCmd}' as already have command '${existingCmd}'`,
      );
    }

    this._initCommandGroup(command);
    this.commands.push(command);
  }

  /**
   * Add an option.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addOption(option) {
    this._registerOption(option);

    const oname = option.name();
    const name = option.attributeName();

    // store default value
    if (option.negate) {
      // --no-foo is special and defaults foo to true, unless a --foo option is already defined
      const positiveLongFlag = option.long.replace(/^--no-/, '--');
      if (!this._findOption(positiveLongFlag)) {
        this.setOptionValueWithSource(
          name,
          option.defaultValue === undefined ? true : option.defaultValue,
          'default',
        );
      }
    } else if (option.defaultValue !== undefined) {
      this.setOptionValueWithSource(name, option.defaultValue, 'default');
    }

    // handler for cli and env supplied values
    const handleOptionValue = (val, invalidValueMessage, valueSource) => {
      // val is null for optional option used without an optional-argument.
      // val is undefined for boolean and negated option.
      if (val == null && option.presetArg !== undefined) {
        val = option.presetArg;
      }

      // custom processing
      const oldValue = this.getOptionValue(name);
      if (val !== null && option.parseArg) {
        val = this._callParseArg(option, val, oldValue, invalidValueMessage);
      } else if (val !== null && option.variadic) {
        val = option._collectValue(val, oldValue);
      }

      // Fill-in appropriate missing values. Long winded but easy to follow.
      if (val == null) {
        if (option.negate) {
          val = false;
        } else if (option.isBoolean() || option.optional) {
          val = true;
        } else {
          val = ''; // not normal, parseArg might have failed or be a mock function for testing
        }
      }
      this.setOptionValueWithSource(name, val, valueSource);
    };

    this.on('option:' + oname, (val) => {
      const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
      handleOptionValue(val, invalidValueMessage, 'cli');
    });

    if (option.envVar) {
      this.on('optionEnv:' + oname, (val) => {
        const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
        handleOptionValue(val, invalidValueMessage, 'env');
      });
    }

    return this;
  }

  /**
   * Internal implementation shared by .option() and .requiredOption()
   *
   * @return {Command} `this` command for chaining
   * @private
   */
  _optionEx(config, flags, description, fn, defaultValue) {
    if (typeof flags === 'object' && flags instanceof Option) {
      throw new Error(
        'To add an Option object use addOption() instead of option() or requiredOption()',
      );
    }
    const option = this.createOption(flags, description);
    option.makeOptionMandatory(!!config.mandatory);
    if (typeof fn === 'function') {
      option.default(defaultValue).argParser(fn);
    } else if (fn instanceof RegExp) {
      // deprecated
      const regex = fn;
      fn = (val, def) => {
        const m = regex.exec(val);
        return m ? m[0] : def;
      };
      option.default(defaultValue).argParser(fn);
    } else {
      option.default(fn);
    }

    return this.addOption(option);
  }

  /**
   * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
   * option-argument is indicated by `<>` and an optional option-argument by `[]`.
   *
   * See the README for more details, and see also addOption() and requiredOption().
   *
   * @example
   * program
   *     .option('-p, --pepper', 'add pepper')
   *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
   *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
   *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */

  option(flags, description, parseArg, defaultValue) {
    return this._optionEx({}, flags, description, parseArg, defaultValue);
  }

  /**
   * Add a required option which must have a value after parsing. This usually means
   * the option must be specified on the command line. (Otherwise the same as .option().)
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */

  requiredOption(flags, description, parseArg, defaultValue) {
    return this._optionEx(
      { mandatory: true },
      flags,
      description,
      parseArg,
      defaultValue,
    );
  }

  /**
   * Alter parsing of short flags with optional values.
   *
   * @example
   * // for `.option('-f,--flag [value]'):
   * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
   * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
   *
   * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
   * @return {Command} `this` command for chaining
   */
  combineFlagAndOptionalValue(combine = true) {
    this._combineFlagAndOptionalValue = !!combine;
    return this;
  }

  /**
   * Allow unknown options on the command line.
   *
   * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
   * @return {Command} `this` command for chaining
   */
  allowUnknownOption(allowUnknown = true) {
    this._allowUnknownOption = !!allowUnknown;
    return this;
  }

  /**
   * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
   *
   * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
   * @return {Command} `this` command for chaining
   */
  allowExcessArguments(allowExcess = true) {
    this._allowExcessArguments = !!allowExcess;
    return this;
  }

  /**
   * Enable positional options. Positional means global options are specified before subcommands which lets
   * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
   * The default behaviour is non-positional and global options may appear anywhere on the command line.
   *
   * @param {boolean} [positional]
   * @return {Command} `this` command for chaining
   */
  enablePositionalOptions(positional = true) {
    this._enablePositionalOptions = !!positional;
    return this;
  }

  /**
   * Pass through options that come after command-arguments rather than treat them as command-options,
   * so actual command-options come before command-arguments. Turning this on for a subcommand requires
   * positional options to have been enabled on the program (parent commands).
   * The default behaviour is non-positional and options may appear before or after command-arguments.
   *
   * @param {boolean} [passThrough] for unknown options.
   * @return {Command} `this` command for chaining
   */
  passThroughOptions(passThrough = true) {
    this._passThroughOptions = !!passThrough;
    this._checkForBrokenPassThrough();
    return this;
  }

  /**
   * @private
   */

  _checkForBrokenPassThrough() {
    if (
      this.parent &&
      this._passThroughOptions &&
      !this.parent._enablePositionalOptions
    ) {
      throw new Error(
        `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`,
      );
    }
  }

  /**
   * Whether to store option values as properties on command object,
   * or store separately (specify false). In both cases the option values can be accessed using .opts().
   *
   * @param {boolean} [storeAsProperties=true]
   * @return {Command} `this` command for chaining
   */

  storeOptionsAsProperties(storeAsProperties = true) {
    if (this.options.length) {
      throw new Error('call .storeOptionsAsProperties() before adding options');
    }
    if (Object.keys(this._optionValues).length) {
      throw new Error(
        'call .storeOptionsAsProperties() before setting option values',
      );
    }
    this._storeOptionsAsProperties = !!storeAsProperties;
    return this;
  }

  /**
   * Retrieve option value.
   *
   * @param {string} key
   * @return {object} value
   */

  getOptionValue(key) {
    if (this._storeOptionsAsProperties) {
      return this[key];
    }
    return this._optionValues[key];
  }

  /**
   * Store option value.
   *
   * @param {string} key
   * @param {object} value
   * @return {Command} `this` command for chaining
   */

  setOptionValue(key, value) {
    return this.setOptionValueWithSource(key, value, undefined);
  }

  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */

  setOptionValueWithSource(key, value, source) {
    if (this._storeOptionsAsProperties) {
      this[key] = value;
    } else {
      this._optionValues[key] = value;
    }
    this._optionValueSources[key] = source;
    return this;
  }

  /**
   * Get source of option value.
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */

  getOptionValueSource(key) {
    return this._optionValueSources[key];
  }

  /**
   * Get source of option value. See also .optsWithGlobals().
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */

  getOptionValueSourceWithGlobals(key) {
    // global overwrites local, like optsWithGlobals
    let source;
    this._getCommandAndAncestors().forEach((cmd) => {
      if (cmd.getOptionValueSource(key) !== undefined) {
        source = cmd.getOptionValueSource(key);
      }
    });
    return source;
  }

  /**
   * Get user arguments from implied or explicit arguments.
   * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
   *
   * @private
   */

  _prepareUserArgs(argv, parseOptions) {
    if (argv !== undefined && !Array.isArray(argv)) {
      throw new Error('first parameter to parse must be array or undefined');
    }
    parseOptions = parseOptions || {};

    // auto-detect argument conventions if nothing supplied
    if (argv === undefined && parseOptions.from === undefined) {
      if (process.versions?.electron) {
        parseOptions.from = 'electron';
      }
      // check node specific options for scenarios where user CLI args follow executable without scriptname
      const execArgv = process.execArgv ?? [];
      if (
        execArgv.includes('-e') ||
        execArgv.includes('--eval') ||
        execArgv.includes('-p') ||
        execArgv.includes('--print')
      ) {
        parseOptions.from = 'eval'; // internal usage, not documented
      }
    }

    // default to using process.argv
    if (argv === undefined) {
      argv = process.argv;
    }
    this.rawArgs = argv.slice();

    // extract the user args and scriptPath
    let userArgs;
    switch (parseOptions.from) {
      case undefined:
      case 'node':
        this._scriptPath = argv[1];
        userArgs = argv.slice(2);
        break;
      case 'electron':
        // @ts-ignore: because defaultApp is an unknown property
        if (process.defaultApp) {
          this._scriptPath = argv[1];
          userArgs = argv.slice(2);
        } else {
          userArgs = argv.slice(1);
        }
        break;
      case 'user':
        userArgs = argv.slice(0);
        break;
      case 'eval':
        userArgs = argv.slice(1);
        break;
      default:
        throw new Error(
          `unexpected parse option { from: '${parseOptions.from}' }`,
        );
    }

    // Find default name for program from arguments.
    if (!this._name && this._scriptPath)
      this.nameFromFilename(this._scriptPath);
    this._name = this._name || 'program';

    return userArgs;
  }

  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Use parseAsync instead of parse if any of your action handlers are async.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * program.parse(); // parse process.argv and auto-detect electron and special node flags
   * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
   * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv] - optional, defaults to process.argv
   * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
   * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
   * @return {Command} `this` command for chaining
   */

  parse(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    this._parseCommand([], userArgs);

    return this;
  }

  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
   * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
   * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv]
   * @param {object} [parseOptions]
   * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
   * @return {Promise}
   */

  async parseAsync(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    await this._parseCommand([], userArgs);

    return this;
  }

  _prepareForParse() {
    if (this._savedState === null) {
      this.saveStateBeforeParse();
    } else {
      this.restoreStateBeforeParse();
    }
  }

  /**
   * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state saved.
   */
  saveStateBeforeParse() {
    this._savedState = {
      // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
      _name: this._name,
      // option values before parse have default values (including false for negated options)
      // shallow clones
      _optionValues: { ...this._optionValues },
      _optionValueSources: { ...this._optionValueSources },
    };
  }

  /**
   * Restore state before parse for calls after the first.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state restored.
   */
  restoreStateBeforeParse() {
    if (this._storeOptionsAsProperties)
      throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);

    // clear state from _prepareUserArgs
    this._name = this._savedState._name;
    this._scriptPath = null;
    this.rawArgs = [];
    // clear state from setOptionValueWithSource
    this._optionValues = { ...this._savedState._optionValues };
    this._optionValueSources = { ...this._savedState._optionValueSources };
    // clear state from _parseCommand
    this.args = [];
    // clear state from _processArguments
    this.processedArgs = [];
  }

  /**
   * Throw if expected executable is missing. Add lots of help for author.
   *
   * @param {string} executableFile
   * @param {string} executableDir
   * @param {string} subcommandName
   */
  _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
    if (fs.existsSync(executableFile)) return;

    const executableDirMessage = executableDir
      ? `searched for local subcommand relative to directory '${executableDir}'`
      : 'no directory for search for local subcommand, use .executableDir() to supply a custom directory';
    const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
    throw new Error(executableMissing);
  }

  /**
   * Execute a sub-command executable.
   *
   * @private
   */

  _executeSubCommand(subcommand, args) {
    args = args.slice();
    let launchWithNode = false; // Use node for source targets so do not need to get permissions correct, and on Windows.
    const sourceExt = ['.js', '.ts', '.tsx', '.mjs', '.cjs'];

    function findFile(baseDir, baseName) {
      // Look for specified file
      const localBin = path.resolve(baseDir, baseName);
      if (fs.existsSync(localBin)) return localBin;

      // Stop looking if candidate already has an expected extension.
      if (sourceExt.includes(path.extname(baseName))) return undefined;

      // Try all the extensions.
      const foundExt = sourceExt.find((ext) =>
        fs.existsSync(`${localBin}${ext}`),
      );
      if (foundExt) return `${localBin}${foundExt}`;

      return undefined;
    }

    // Not checking for help first. Unlikely to have mandatory and executable, and can't robustly test for help flags in external command.
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();

    // executableFile and executableDir might be full path, or just a name
    let executableFile =
      subcommand._executableFile || `${this._name}-${subcommand._name}`;
    let executableDir = this._executableDir || '';
    if (this._scriptPath) {
      let resolvedScriptPath; // resolve possible symlink for installed npm binary
      try {
        resolvedScriptPath = fs.realpathSync(this._scriptPath);
      } catch {
        resolvedScriptPath = this._scriptPath;
      }
      executableDir = path.resolve(
        path.dirname(resolvedScriptPath),
        executableDir,
      );
    }

    // Look for a local file in preference to a command in PATH.
    if (executableDir) {
      let localFile = findFile(executableDir, executableFile);

      // Legacy search using prefix of script name instead of command name
      if (!localFile && !subcommand._executableFile && this._scriptPath) {
        const legacyName = path.basename(
          this._scriptPath,
          path.extname(this._scriptPath),
        );
        if (legacyName !== this._name) {
          localFile = findFile(
            executableDir,
            `${legacyName}-${subcommand._name}`,
          );
        }
      }
      executableFile = localFile || executableFile;
    }

    launchWithNode = sourceExt.includes(path.extname(executableFile));

    let proc;
    if (process.platform !== 'win32') {
      if (launchWithNode) {
        args.unshift(executableFile);
        // add executable arguments to spawn
        args = incrementNodeInspectorPort(process.execArgv).concat(args);

        proc = childProcess.spawn(process.argv[0], args, { stdio: 'inherit' });
      } else {
        proc = childProcess.spawn(executableFile, args, { stdio: 'inherit' });
      }
    } else {
      this._checkForMissingExecutable(
        executableFile,
        executableDir,
        subcommand._name,
      );
      args.unshift(executableFile);
      // add executable arguments to spawn
      args = incrementNodeInspectorPort(process.execArgv).concat(args);
      proc = childProcess.spawn(process.execPath, args, { stdio: 'inherit' });
    }

    if (!proc.killed) {
      // testing mainly to avoid leak warnings during unit tests with mocked spawn
      const signals = ['SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGINT', 'SIGHUP'];
      signals.forEach((signal) => {
        process.on(signal, () => {
          if (proc.killed === false && proc.exitCode === null) {
            // @ts-ignore because signals not typed to known strings
            proc.kill(signal);
          }
        });
      });
    }

    // By default terminate process when spawned process terminates.
    const exitCallback = this._exitCallback;
    proc.on('close', (code) => {
      code = code ?? 1; // code is null if spawned process terminated due to a signal
      if (!exitCallback) {
        process.exit(code);
      } else {
        exitCallback(
          new CommanderError(
            code,
            'commander.executeSubCommandAsync',
            '(close)',
          ),
        );
      }
    });
    proc.on('error', (err) => {
      // @ts-ignore: because err.code is an unknown property
      if (err.code === 'ENOENT') {
        this._checkForMissingExecutable(
          executableFile,
          executableDir,
          subcommand._name,
        );
        // @ts-ignore: because err.code is an unknown property
      } else if (err.code === 'EACCES') {
        throw new Error(`'${executableFile}' not executable`);
      }
      if (!exitCallback) {
        process.exit(1);
      } else {
        const wrappedError = new CommanderError(
          1,
          'commander.executeSubCommandAsync',
          '(error)',
        );
        wrappedError.nestedError = err;
        exitCallback(wrappedError);
      }
    });

    // Store the reference to the child process
    this.runningCommand = proc;
  }

  /**
   * @private
   */

  _dispatchSubcommand(commandName, operands, unknown) {
    const subCommand = this._findCommand(commandName);
    if (!subCommand) this.help({ error: true });

    subCommand._prepareForParse();
    let promiseChain;
    promiseChain = this._chainOrCallSubCommandHook(
      promiseChain,
      subCommand,
      'preSubcommand',
    );
    promiseChain = this._chainOrCall(promiseChain, () => {
      if (subCommand._executableHandler) {
        this._executeSubCommand(subCommand, operands.concat(unknown));
      } else {
        return subCommand._parseCommand(operands, unknown);
      }
    });
    return promiseChain;
  }

  /**
   * Invoke help directly if possible, or dispatch if necessary.
   * e.g. help foo
   *
   * @private
   */

  _dispatchHelpCommand(subcommandName) {
    if (!subcommandName) {
      this.help();
    }
    const subCommand = this._findCommand(subcommandName);
    if (subCommand && !subCommand._executableHandler) {
      subCommand.help();
    }

    // Fallback to parsing the help flag to invoke the help.
    return this._dispatchSubcommand(
      subcommandName,
      [],
      [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? '--help'],
    );
  }

  /**
   * Check this.args against expected this.registeredArguments.
   *
   * @private
   */

  _checkNumberOfArguments() {
    // too few
    this.registeredArguments.forEach((arg, i) => {
      if (arg.required && this.args[i] == null) {
        this.missingArgument(arg.name());
      }
    });
    // too many
    if (
      this.registeredArguments.length > 0 &&
      this.registeredArguments[this.registeredArguments.length - 1].variadic
    ) {
      return;
    }
    if (this.args.length > this.registeredArguments.length) {
      this._excessArguments(this.args);
    }
  }

  /**
   * Process this.args using this.registeredArguments and save as this.processedArgs!
   *
   * @private
   */

  _processArguments() {
    const myParseArg = (argument, value, previous) => {
      // Extra processing for nice error message on parsing failure.
      let parsedValue = value;
      if (value !== null && argument.parseArg) {
        const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
        parsedValue = this._callParseArg(
          argument,
          value,
          previous,
          invalidValueMessage,
        );
      }
      return parsedValue;
    };

    this._checkNumberOfArguments();

    const processedArgs = [];
    this.registeredArguments.forEach((declaredArg, index) => {
      let value = declaredArg.defaultValue;
      if (declaredArg.variadic) {
        // Collect together remaining arguments for passing together as an array.
        if (index < this.args.length) {
          value = this.args.slice(index);
          if (declaredArg.parseArg) {
            value = value.reduce((processed, v) => {
              return myParseArg(declaredArg, v, processed);
            }, declaredArg.defaultValue);
          }
        } else if (value === undefined) {
          value = [];
        }
      } else if (index < this.args.length) {
        value = this.args[index];
        if (declaredArg.parseArg) {
          value = myParseArg(declaredArg, value, declaredArg.defaultValue);
        }
      }
      processedArgs[index] = value;
    });
    this.processedArgs = processedArgs;
  }

  /**
   * Once we have a promise we chain, but call synchronously until then.
   *
   * @param {(Promise|undefined)} promise
   * @param {Function} fn
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCall(promise, fn) {
    // thenable
    if (promise?.then && typeof promise.then === 'function') {
      // already have a promise, chain callback
      return promise.then(() => fn());
    }
    // callback might return a promise
    return fn();
  }

  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCallHooks(promise, event) {
    let result = promise;
    const hooks = [];
    this._getCommandAndAncestors()
      .reverse()
      .filter((cmd) => cmd._lifeCycleHooks[event] !== undefined)
      .forEach((hookedCommand) => {
        hookedCommand._lifeCycleHooks[event].forEach((callback) => {
          hooks.push({ hookedCommand, callback });
        });
      });
    if (event === 'postAction') {
      hooks.reverse();
    }

    hooks.forEach((hookDetail) => {
      result = this._chainOrCall(result, () => {
        return hookDetail.callback(hookDetail.hookedCommand, this);
      });
    });
    return result;
  }

  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {Command} subCommand
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCallSubCommandHook(promise, subCommand, event) {
    let result = promise;
    if (this._lifeCycleHooks[event] !== undefined) {
      this._lifeCycleHooks[event].forEach((hook) => {
        result = this._chainOrCall(result, () => {
          return hook(this, subCommand);
        });
      });
    }
    return result;
  }

  /**
   * Process arguments in context of this command.
   * Returns action result, in case it is a promise.
   *
   * @private
   */

  _parseCommand(operands, unknown) {
    const parsed = this.parseOptions(unknown);
    this._parseOptionsEnv(); // after cli, so parseArg not called on both cli and env
    this._parseOptionsImplied();
    operands = operands.concat(parsed.operands);
    unknown = parsed.unknown;
    this.args = operands.concat(unknown);

    if (operands && this._findCommand(operands[0])) {
      return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
    }
    if (
      this._getHelpCommand() &&
      operands[0] === this._getHelpCommand().name()
    ) {
      return this._dispatchHelpCommand(operands[1]);
    }
    if (this._defaultCommandName) {
      this._outputHelpIfRequested(unknown); // Run the help for default command from parent rather than passing to default command
      return this._dispatchSubcommand(
        this._defaultCommandName,
        operands,
        unknown,
      );
    }
    if (
      this.commands.length &&
      this.args.length === 0 &&
      !this._actionHandler &&
      !this._defaultCommandName
    ) {
      // probably missing subcommand and no handler, user needs help (and exit)
      this.help({ error: true });
    }

    this._outputHelpIfRequested(parsed.unknown);
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();

    // We do not always call this check to avoid masking a "better" error, like unknown command.
    const checkForUnknownOptions = () => {
      if (parsed.unknown.length > 0) {
        this.unknownOption(parsed.unknown[0]);
      }
    };

    const commandEvent = `command:${this.name()}`;
    if (this._actionHandler) {
      checkForUnknownOptions();
      this._processArguments();

      let promiseChain;
      promiseChain = this._chainOrCallHooks(promiseChain, 'preAction');
      promiseChain = this._chainOrCall(promiseChain, () =>
        this._actionHandler(this.processedArgs),
      );
      if (this.parent) {
        promiseChain = this._chainOrCall(promiseChain, () => {
          this.parent.emit(commandEvent, operands, unknown); // legacy
        });
      }
      promiseChain = this._chainOrCallHooks(promiseChain, 'postAction');
      return promiseChain;
    }
    if (this.parent?.listenerCount(commandEvent)) {
      checkForUnknownOptions();
      this._processArguments();
      this.parent.emit(commandEvent, operands, unknown); // legacy
    } else if (operands.length) {
      if (this._findCommand('*')) {
        // legacy default command
        return this._dispatchSubcommand('*', operands, unknown);
      }
      if (this.listenerCount('command:*')) {
        // skip option check, emit event for possible misspelling suggestion
        this.emit('command:*', operands, unknown);
      } else if (this.commands.length) {
        this.unknownCommand();
      } else {
        checkForUnknownOptions();
        this._processArguments();
      }
    } else if (this.commands.length) {
      checkForUnknownOptions();
      // This command has subcommands and nothing hooked up at this level, so display help (and exit).
      this.help({ error: true });
    } else {
      checkForUnknownOptions();
      this._processArguments();
      // fall through for caller to handle after calling .parse()
    }
  }

  /**
   * Find matching command.
   *
   * @private
   * @return {Command | undefined}
   */
  _findCommand(name) {
    if (!name) return undefined;
    return this.commands.find(
      (cmd) => cmd._name === name || cmd._aliases.includes(name),
    );
  }

  /**
   * Return an option matching `arg` if any.
   *
   * @param {string} arg
   * @return {Option}
   * @package
   */

  _findOption(arg) {
    return this.options.find((option) => option.is(arg));
  }

  /**
   * Display an error message if a mandatory option does not have a value.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */

  _checkForMissingMandatoryOptions() {
    // Walk up hierarchy so can call in subcommand after checking for displaying help.
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd.options.forEach((anOption) => {
        if (
          anOption.mandatory &&
          cmd.getOptionValue(anOption.attributeName()) === undefined
        ) {
          cmd.missingMandatoryOptionValue(anOption);
        }
      });
    });
  }

  /**
   * Display an error message if conflicting options are used together in this.
   *
   * @private
   */
  _checkForConflictingLocalOptions() {
    const definedNonDefaultOptions = this.options.filter((option) => {
      const optionKey = option.attributeName();
      if (this.getOptionValue(optionKey) === undefined) {
        return false;
      }
      return this.getOptionValueSource(optionKey) !== 'default';
    });

    const optionsWithConflicting = definedNonDefaultOptions.filter(
      (option) => option.conflictsWith.length > 0,
    );

    optionsWithConflicting.forEach((option) => {
      const conflictingAndDefined = definedNonDefaultOptions.find((defined) =>
        option.conflictsWith.includes(defined.attributeName()),
      );
      if (conflictingAndDefined) {
        this._conflictingOption(option, conflictingAndDefined);
      }
    });
  }

  /**
   * Display an error message if conflicting options are used together.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForConflictingOptions() {
    // Walk up hierarchy so can call in subcommand after checking for displaying help.
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd._checkForConflictingLocalOptions();
    });
  }

  /**
   * Parse options from `argv` removing known options,
   * and return argv split into operands and unknown arguments.
   *
   * Side effects: modifies command by storing options. Does not reset state if called again.
   *
   * Examples:
   *
   *     argv => operands, unknown
   *     --known kkk op => [op], []
   *     op --known kkk => [op], []
   *     sub --unknown uuu op => [sub], [--unknown uuu op]
   *     sub -- --unknown uuu op => [sub --unknown uuu op], []
   *
   * @param {string[]} args
   * @return {{operands: string[], unknown: string[]}}
   */

  parseOptions(args) {
    const operands = []; // operands, not options or values
    const unknown = []; // first unknown option and remaining unknown args
    let dest = operands;

    function maybeOption(arg) {
      return arg.length > 1 && arg[0] === '-';
    }

    const negativeNumberArg = (arg) => {
      // return false if not a negative number
      if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
      // negative number is ok unless digit used as an option in command hierarchy
      return !this._getCommandAndAncestors().some((cmd) =>
        cmd.options
          .map((opt) => opt.short)
          .some((short) => /^-\d$/.test(short)),
      );
    };

    // parse options
    let activeVariadicOption = null;
    let activeGroup = null; // working through group of short options, like -abc
    let i = 0;
    while (i < args.length || activeGroup) {
      const arg = activeGroup ?? args[i++];
      activeGroup = null;

      // literal
      if (arg === '--') {
        if (dest === unknown) dest.push(arg);
        dest.push(...args.slice(i));
        break;
      }

      if (
        activeVariadicOption &&
        (!maybeOption(arg) || negativeNumberArg(arg))
      ) {
        this.emit(`option:${activeVariadicOption.name()}`, arg);
        continue;
      }
      activeVariadicOption = null;

      if (maybeOption(arg)) {
        const option = this._findOption(arg);
        // recognised option, call listener to assign value with possible custom processing
        if (option) {
          if (option.required) {
            const value = args[i++];
            if (value === undefined) this.optionMissingArgument(option);
            this.emit(`option:${option.name()}`, value);
          } else if (option.optional) {
            let value = null;
            // historical behaviour is optional value is following arg unless an option
            if (
              i < args.length &&
              (!maybeOption(args[i]) || negativeNumberArg(args[i]))
            ) {
              value = args[i++];
            }
            this.emit(`option:${option.name()}`, value);
          } else {
            // boolean flag
            this.emit(`option:${option.name()}`);
          }
          activeVariadicOption = option.variadic ? option : null;
          continue;
        }
      }

      // Look for combo options following single dash, eat first one if known.
      if (arg.length > 2 && arg[0] === '-' && arg[1] !== '-') {
        const option = this._findOption(`-${arg[1]}`);
        if (option) {
          if (
            option.required ||
            (option.optional && this._combineFlagAndOptionalValue)
          ) {
            // option with value following in same argument
            this.emit(`option:${option.name()}`, arg.slice(2));
          } else {
            // boolean option
            this.emit(`option:${option.name()}`);
            // remove the processed option and keep processing group
            activeGroup = `-${arg.slice(2)}`;
          }
          continue;
        }
      }

      // Look for known long flag with value, like --foo=bar
      if (/^--[^=]+=/.test(arg)) {
        const index = arg.indexOf('=');
        const option = this._findOption(arg.slice(0, index));
        if (option && (option.required || option.optional)) {
          this.emit(`option:${option.name()}`, arg.slice(index + 1));
          continue;
        }
      }

      // Not a recognised option by this command.
      // Might be a command-argument, or subcommand option, or unknown option, or help command or option.

      // An unknown option means further arguments also classified as unknown so can be reprocessed by subcommands.
      // A negative number in a leaf command is not an unknown option.
      if (
        dest === operands &&
        maybeOption(arg) &&
        !(this.commands.length === 0 && negativeNumberArg(arg))
      ) {
        dest = unknown;
      }

      // If using positionalOptions, stop processing our options at subcommand.
      if (
        (this._enablePositionalOptions || this._passThroughOptions) &&
        operands.length === 0 &&
        unknown.length === 0
      ) {
        if (this._findCommand(arg)) {
          operands.push(arg);
          unknown.push(...args.slice(i));
          break;
        } else if (
          this._getHelpCommand() &&
          arg === this._getHelpCommand().name()
        ) {
          operands.push(arg, ...args.slice(i));
          break;
        } else if (this._defaultCommandName) {
          unknown.push(arg, ...args.slice(i));
          break;
        }
      }

      // If using passThroughOptions, stop processing options at first command-argument.
      if (this._passThroughOptions) {
        dest.push(arg, ...args.slice(i));
        break;
      }

      // add arg
      dest.push(arg);
    }

    return { operands, unknown };
  }

  /**
   * Return an object containing local option values as key-value pairs.
   *
   * @return {object}
   */
  opts() {
    if (this._storeOptionsAsProperties) {
      // Preserve original behaviour so backwards compatible when still using properties
      const result = {};
      const len = this.options.length;

      for (let i = 0; i < len; i++) {
        const key = this.options[i].attributeName();
        result[key] =
          key === this._versionOptionName ? this._version : this[key];
      }
      return result;
    }

    return this._optionValues;
  }

  /**
   * Return an object containing merged local and global option values as key-value pairs.
   *
   * @return {object}
   */
  optsWithGlobals() {
    // globals overwrite locals
    return this._getCommandAndAncestors().reduce(
      (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
      {},
    );
  }

  /**
   * Display error message and exit (or call exitOverride).
   *
   * @param {string} message
   * @param {object} [errorOptions]
   * @param {string} [errorOptions.code] - an id string representing the error
   * @param {number} [errorOptions.exitCode] - used with process.exit
   */
  error(message, errorOptions) {
    // output handling
    this._outputConfiguration.outputError(
      `${message}\n`,
      this._outputConfiguration.writeErr,
    );
    if (typeof this._showHelpAfterError === 'string') {
      this._outputConfiguration.writeErr(`${this._showHelpAfterError}\n`);
    } else if (this._showHelpAfterError) {
      this._outputConfiguration.writeErr('\n');
      this.outputHelp({ error: true });
    }

    // exit handling
    const config = errorOptions || {};
    const exitCode = config.exitCode || 1;
    const code = config.code || 'commander.error';
    this._exit(exitCode, code, message);
  }

  /**
   * Apply any option related environment variables, if option does
   * not have a value from cli or client code.
   *
   * @private
   */
  _parseOptionsEnv() {
    this.options.forEach((option) => {
      if (option.envVar && option.envVar in process.env) {
        const optionKey = option.attributeName();
        // Priority check. Do not overwrite cli or options from unknown source (client-code).
        if (
          this.getOptionValue(optionKey) === undefined ||
          ['default', 'config', 'env'].includes(
            this.getOptionValueSource(optionKey),
          )
        ) {
          if (option.required || option.optional) {
            // option can take a value
            // keep very simple, optional always takes value
            this.emit(`optionEnv:${option.name()}`, process.env[option.envVar]);
          } else {
            // boolean
            // keep very simple, only care that envVar defined and not the value
            this.emit(`optionEnv:${option.name()}`);
          }
        }
      }
    });
  }

  /**
   * Apply any implied option values, if option is undefined or default value.
   *
   * @private
   */
  _parseOptionsImplied() {
    const dualHelper = new DualOptions(this.options);
    const hasCustomOptionValue = (optionKey) => {
      return (
        this.getOptionValue(optionKey) !== undefined &&
        !['default', 'implied'].includes(this.getOptionValueSource(optionKey))
      );
    };
    this.options
      .filter(
        (option) =>
          option.implied !== undefined &&
          hasCustomOptionValue(option.attributeName()) &&
          dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option,
          ),
      )
      .forEach((option) => {
        Object.keys(option.implied)
          .filter((impliedKey) => !hasCustomOptionValue(impliedKey))
          .forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              'implied',
            );
          });
      });
  }

  /**
   * Argument `name` is missing.
   *
   * @param {string} name
   * @private
   */

  missingArgument(name) {
    const message = `error: missing required argument '${name}'`;
    this.error(message, { code: 'commander.missingArgument' });
  }

  /**
   * `Option` is missing an argument.
   *
   * @param {Option} option
   * @private
   */

  optionMissingArgument(option) {
    const message = `error: option '${option.flags}' argument missing`;
    this.error(message, { code: 'commander.optionMissingArgument' });
  }

  /**
   * `Option` does not have a value, and is a mandatory option.
   *
   * @param {Option} option
   * @private
   */

  missingMandatoryOptionValue(option) {
    const message = `error: required option '${option.flags}' not specified`;
    this.error(message, { code: 'commander.missingMandatoryOptionValue' });
  }

  /**
   * `Option` conflicts with another option.
   *
   * @param {Option} option
   * @param {Option} conflictingOption
   * @private
   */
  _conflictingOption(option, conflictingOption) {
    // The calling code does not know whether a negated option is the source of the
    // value, so do some work to take an educated guess.
    const findBestOptionFromValue = (option) => {
      const optionKey = option.attributeName();
      const optionValue = this.getOptionValue(optionKey);
      const negativeOption = this.options.find(
        (target) => target.negate && optionKey === target.attributeName(),
      );
      const positiveOption = this.options.find(
        (target) => !target.negate && optionKey === target.attributeName(),
      );
      if (
        negativeOption &&
        ((negativeOption.presetArg === undefined && optionValue === false) ||
          (negativeOption.presetArg !== undefined &&
            optionValue === negativeOption.presetArg))
      ) {
        return negativeOption;
      }
      return positiveOption || option;
    };

    const getErrorMessage = (option) => {
      const bestOption = findBestOptionFromValue(option);
      const optionKey = bestOption.attributeName();
      const source = this.getOptionValueSource(optionKey);
      if (source === 'env') {
        return `environment variable '${bestOption.envVar}'`;
      }
      return `option '${bestOption.flags}'`;
    };

    const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
    this.error(message, { code: 'commander.conflictingOption' });
  }

  /**
   * Unknown option `flag`.
   *
   * @param {string} flag
   * @private
   */

  unknownOption(flag) {
    if (this._allowUnknownOption) return;
    let suggestion = '';

    if (flag.startsWith('--') && this._showSuggestionAfterError) {
      // Looping to pick up the global options too
      let candidateFlags = [];
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      let command = this;
      do {
        const moreFlags = command
          .createHelp()
          .visibleOptions(command)
          .filter((option) => option.long)
          .map((option) => option.long);
        candidateFlags = candidateFlags.concat(moreFlags);
        command = command.parent;
      } while (command && !command._enablePositionalOptions);
      suggestion = suggestSimilar(flag, candidateFlags);
    }

    const message = `error: unknown option '${flag}'${suggestion}`;
    this.error(message, { code: 'commander.unknownOption' });
  }

  /**
   * Excess arguments, more than expected.
   *
   * @param {string[]} receivedArgs
   * @private
   */

  _excessArguments(receivedArgs) {
    if (this._allowExcessArguments) return;

    const expected = this.registeredArguments.length;
    const s = expected === 1 ? '' : 's';
    const forSubcommand = this.parent ? ` for '${this.name()}'` : '';
    const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
    this.error(message, { code: 'commander.excessArguments' });
  }

  /**
   * Unknown command.
   *
   * @private
   */

  unknownCommand() {
    const unknownName = this.args[0];
    let suggestion = '';

    if (this._showSuggestionAfterError) {
      const candidateNames = [];
      this.createHelp()
        .visibleCommands(this)
        .forEach((command) => {
          candidateNames.push(command.name());
          // just visible alias
          if (command.alias()) candidateNames.push(command.alias());
        });
      suggestion = suggestSimilar(unknownName, candidateNames);
    }

    const message = `error: unknown command '${unknownName}'${suggestion}`;
    this.error(message, { code: 'commander.unknownCommand' });
  }

  /**
   * Get or set the program version.
   *
   * This method auto-registers the "-V, --version" option which will print the version number.
   *
   * You can optionally supply the flags and description to override the defaults.
   *
   * @param {string} [str]
   * @param {string} [flags]
   * @param {string} [description]
   * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
   */

  version(str, flags, description) {
    if (str === undefined) return this._version;
    this._version = str;
    flags = flags || '-V, --version';
    description = description || 'output the version number';
    const versionOption = this.createOption(flags, description);
    this._versionOptionName = versionOption.attributeName();
    this._registerOption(versionOption);

    this.on('option:' + versionOption.name(), () => {
      this._outputConfiguration.writeOut(`${str}\n`);
      this._exit(0, 'commander.version', str);
    });
    return this;
  }

  /**
   * Set the description.
   *
   * @param {string} [str]
   * @param {object} [argsDescription]
   * @return {(string|Command)}
   */
  description(str, argsDescription) {
    if (str === undefined && argsDescription === undefined)
      return this._description;
    this._description = str;
    if (argsDescription) {
      this._argsDescription = argsDescription;
    }
    return this;
  }

  /**
   * Set the summary. Used when listed as subcommand of parent.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  summary(str) {
    if (str === undefined) return this._summary;
    this._summary = str;
    return this;
  }

  /**
   * Set an alias for the command.
   *
   * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
   *
   * @param {string} [alias]
   * @return {(string|Command)}
   */

  alias(alias) {
    if (alias === undefined) return this._aliases[0]; // just return first, for backwards compatibility

    /** @type {Command} */
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let command = this;
    if (
      this.commands.length !== 0 &&
      this.commands[this.commands.length - 1]._executableHandler
    ) {
      // assume adding alias for last added executable subcommand, rather than this
      command = this.commands[this.commands.length - 1];
    }

    if (alias === command._name)
      throw new Error("Command alias can't be the same as its name");
    const matchingCommand = this.parent?._findCommand(alias);
    if (matchingCommand) {
      // c.f. _registerCommand
      const existingCmd = [matchingCommand.name()]
        .concat(matchingCommand.aliases())
        .join('|');
      throw new Error(
        `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`,
      );
    }

    command._aliases.push(alias);
    return this;
  }

  /**
   * Set aliases for the command.
   *
   * Only the first alias is shown in the auto-generated help.
   *
   * @param {string[]} [aliases]
   * @return {(string[]|Command)}
   */

  aliases(aliases) {
    // Getter for the array of aliases is the main reason for having aliases() in addition to alias().
    if (aliases === undefined) return this._aliases;

    aliases.forEach((alias) => this.alias(alias));
    return this;
  }

  /**
   * Set / get the command usage `str`.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */

  usage(str) {
    if (str === undefined) {
      if (this._usage) return this._usage;

      const args = this.registeredArguments.map((arg) => {
        return humanReadableArgName(arg);
      });
      return []
        .concat(
          this.options.length || this._helpOption !== null ? '[options]' : [],
          this.commands.length ? '[command]' : [],
          this.registeredArguments.length ? args : [],
        )
        .join(' ');
    }

    this._usage = str;
    return this;
  }

  /**
   * Get or set the name of the command.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */

  name(str) {
    if (str === undefined) return this._name;
    this._name = str;
    return this;
  }

  /**
   * Set/get the help group heading for this subcommand in parent command's help.
   *
   * @param {string} [heading]
   * @return {Command | string}
   */

  helpGroup(heading) {
    if (heading === undefined) return this._helpGroupHeading ?? '';
    this._helpGroupHeading = heading;
    return this;
  }

  /**
   * Set/get the default help group heading for subcommands added to this command.
   * (This does not override a group set directly on the subcommand using .helpGroup().)
   *
   * @example
   * program.commandsGroup('Development Commands:);
   * program.command('watch')...
   * program.command('lint')...
   * ...
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  commandsGroup(heading) {
    if (heading === undefined) return this._defaultCommandGroup ?? '';
    this._defaultCommandGroup = heading;
    return this;
  }

  /**
   * Set/get the default help group heading for options added to this command.
   * (This does not override a group set directly on the option using .helpGroup().)
   *
   * @example
   * program
   *   .optionsGroup('Development Options:')
   *   .option('-d, --debug', 'output extra debugging')
   *   .option('-p, --profile', 'output profiling information')
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  optionsGroup(heading) {
    if (heading === undefined) return this._defaultOptionGroup ?? '';
    this._defaultOptionGroup = heading;
    return this;
  }

  /**
   * @param {Option} option
   * @private
   */
  _initOptionGroup(option) {
    if (this._defaultOptionGroup && !option.helpGroupHeading)
      option.helpGroup(this._defaultOptionGroup);
  }

  /**
   * @param {Command} cmd
   * @private
   */
  _initCommandGroup(cmd) {
    if (this._defaultCommandGroup && !cmd.helpGroup())
      cmd.helpGroup(this._defaultCommandGroup);
  }

  /**
   * Set the name of the command from script filename, such as process.argv[1],
   * or require.main.filename, or __filename.
   *
   * (Used internally and public although not documented in README.)
   *
   * @example
   * program.nameFromFilename(require.main.filename);
   *
   * @param {string} filename
   * @return {Command}
   */

  nameFromFilename(filename) {
    this._name = path.basename(filename, path.extname(filename));

    return this;
  }

  /**
   * Get or set the directory for searching for executable subcommands of this command.
   *
   * @example
   * program.executableDir(__dirname);
   * // or
   * program.executableDir('subcommands');
   *
   * @param {string} [path]
   * @return {(string|null|Command)}
   */

  executableDir(path) {
    if (path === undefined) return this._executableDir;
    this._executableDir = path;
    return this;
  }

  /**
   * Return program help documentation.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
   * @return {string}
   */

  helpInformation(contextOptions) {
    const helper = this.createHelp();
    const context = this._getOutputContext(contextOptions);
    helper.prepareContext({
      error: context.error,
      helpWidth: context.helpWidth,
      outputHasColors: context.hasColors,
    });
    const text = helper.formatHelp(this, helper);
    if (context.hasColors) return text;
    return this._outputConfiguration.stripColor(text);
  }

  /**
   * @typedef HelpContext
   * @type {object}
   * @property {boolean} error
   * @property {number} helpWidth
   * @property {boolean} hasColors
   * @property {function} write - includes stripColor if needed
   *
   * @returns {HelpContext}
   * @private
   */

  _getOutputContext(contextOptions) {
    contextOptions = contextOptions || {};
    const error = !!contextOptions.error;
    let baseWrite;
    let hasColors;
    let helpWidth;
    if (error) {
      baseWrite = (str) => this._outputConfiguration.writeErr(str);
      hasColors = this._outputConfiguration.getErrHasColors();
      helpWidth = this._outputConfiguration.getErrHelpWidth();
    } else {
      baseWrite = (str) => this._outputConfiguration.writeOut(str);
      hasColors = this._outputConfiguration.getOutHasColors();
      helpWidth = this._outputConfiguration.getOutHelpWidth();
    }
    const write = (str) => {
      if (!hasColors) str = this._outputConfiguration.stripColor(str);
      return baseWrite(str);
    };
    return { error, write, hasColors, helpWidth };
  }

  /**
   * Output help information for this command.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */

  outputHelp(contextOptions) {
    let deprecatedCallback;
    if (typeof contextOptions === 'function') {
      deprecatedCallback = contextOptions;
      contextOptions = undefined;
    }

    const outputContext = this._getOutputContext(contextOptions);
    /** @type {HelpTextEventContext} */
    const eventContext = {
      error: outputContext.error,
      write: outputContext.write,
      command: this,
    };

    this._getCommandAndAncestors()
      .reverse()
      .forEach((command) => command.emit('beforeAllHelp', eventContext));
    this.emit('beforeHelp', eventContext);

    let helpInformation = this.helpInformation({ error: outputContext.error });
    if (deprecatedCallback) {
      helpInformation = deprecatedCallback(helpInformation);
      if (
        typeof helpInformation !== 'string' &&
        !Buffer.isBuffer(helpInformation)
      ) {
        throw new Error('outputHelp callback must return a string or a Buffer');
      }
    }
    outputContext.write(helpInformation);

    if (this._getHelpOption()?.long) {
      this.emit(this._getHelpOption().long); // deprecated
    }
    this.emit('afterHelp', eventContext);
    this._getCommandAndAncestors().forEach((command) =>
      command.emit('afterAllHelp', eventContext),
    );
  }

  /**
   * You can pass in flags and a description to customise the built-in help option.
   * Pass in false to disable the built-in help option.
   *
   * @example
   * program.helpOption('-?, --help' 'show help'); // customise
   * program.helpOption(false); // disable
   *
   * @param {(string | boolean)} flags
   * @param {string} [description]
   * @return {Command} `this` command for chaining
   */

  helpOption(flags, description) {
    // Support enabling/disabling built-in help option.
    if (typeof flags === 'boolean') {
      if (flags) {
        if (this._helpOption === null) this._helpOption = undefined; // reenable
        if (this._defaultOptionGroup) {
          // make the option to store the group
          this._initOptionGroup(this._getHelpOption());
        }
      } else {
        this._helpOption = null; // disable
      }
      return this;
    }

    // Customise flags and description.
    this._helpOption = this.createOption(
      flags ?? '-h, --help',
      description ?? 'display help for command',
    );
    // init group unless lazy create
    if (flags || description) this._initOptionGroup(this._helpOption);

    return this;
  }

  /**
   * Lazy create help option.
   * Returns null if has been disabled with .helpOption(false).
   *
   * @returns {(Option | null)} the help option
   * @package
   */
  _getHelpOption() {
    // Lazy create help option on demand.
    if (this._helpOption === undefined) {
      this.helpOption(undefined, undefined);
    }
    return this._helpOption;
  }

  /**
   * Supply your own option to use for the built-in help option.
   * This is an alternative to using helpOption() to customise the flags and description etc.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addHelpOption(option) {
    this._helpOption = option;
    this._initOptionGroup(option);
    return this;
  }

  /**
   * Output help information and exit.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */

  help(contextOptions) {
    this.outputHelp(contextOptions);
    let exitCode = Number(process.exitCode ?? 0); // process.exitCode does allow a string or an integer, but we prefer just a number
    if (
      exitCode === 0 &&
      contextOptions &&
      typeof contextOptions !== 'function' &&
      contextOptions.error
    ) {
      exitCode = 1;
    }
    // message: do not have all displayed text available so only passing placeholder.
    this._exit(exitCode, 'commander.help', '(outputHelp)');
  }

  /**
   * // Do a little typing to coordinate emit and listener for the help text events.
   * @typedef HelpTextEventContext
   * @type {object}
   * @property {boolean} error
   * @property {Command} command
   * @property {function} write
   */

  /**
   * Add additional text to be displayed with the built-in help.
   *
   * Position is 'before' or 'after' to affect just this command,
   * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
   *
   * @param {string} position - before or after built-in help
   * @param {(string | Function)} text - string to add, or a function returning a string
   * @return {Command} `this` command for chaining
   */

  addHelpText(position, text) {
    const allowedValues = ['beforeAll', 'before', 'after', 'afterAll'];
    if (!allowedValues.includes(position)) {
      throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
    }

    const helpEvent = `${position}Help`;
    this.on(helpEvent, (/** @type {HelpTextEventContext} */ context) => {
      let helpStr;
      if (typeof text === 'function') {
        helpStr = text({ error: context.error, command: context.command });
      } else {
        helpStr = text;
      }
      // Ignore falsy value when nothing to output.
      if (helpStr) {
        context.write(`${helpStr}\n`);
      }
    });
    return this;
  }

  /**
   * Output help information if help flags specified
   *
   * @param {Array} args - array of options to search for help flags
   * @private
   */

  _outputHelpIfRequested(args) {
    const helpOption = this._getHelpOption();
    const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
    if (helpRequested) {
      this.outputHelp();
      // (Do not have all displayed text available so only passing placeholder.)
      this._exit(0, 'commander.helpDisplayed', '(outputHelp)');
    }
  }
}

/**
 * Scan arguments and increment port number for inspect calls (to avoid conflicts when spawning new command).
 *
 * @param {string[]} args - array of arguments from node.execArgv
 * @returns {string[]}
 * @private
 */

function incrementNodeInspectorPort(args) {
  // Testing for these options:
  //  --inspect[=[host:]port]
  //  --inspect-brk[=[host:]port]
  //  --inspect-port=[host:]port
  return args.map((arg) => {
    if (!arg.startsWith('--inspect')) {
      return arg;
    }
    let debugOption;
    let debugHost = '127.0.0.1';
    let debugPort = '9229';
    let match;
    if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
      // e.g. --inspect
      debugOption = match[1];
    } else if (
      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null
    ) {
      debugOption = match[1];
      if (/^\d+$/.test(match[3])) {
        // e.g. --inspect=1234
        debugPort = match[3];
      } else {
        // e.g. --inspect=localhost
        debugHost = match[3];
      }
    } else if (
      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null
    ) {
      // e.g. --inspect=localhost:1234
      debugOption = match[1];
      debugHost = match[3];
      debugPort = match[4];
    }

    if (debugOption && debugPort !== '0') {
      return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
    }
    return arg;
  });
}

/**
 * @returns {boolean | undefined}
 * @package
 */
function useColor() {
  // Test for common conventions.
  // NB: the observed behaviour is in combination with how author adds color! For example:
  //   - we do not test NODE_DISABLE_COLORS, but util:styletext does
  //   - we do test NO_COLOR, but Chalk does not
  //
  // References:
  // https://no-color.org
  // https://bixense.com/clicolors/
  // https://github.com/nodejs/node/blob/0a00217a5f67ef4a22384cfc80eb6dd9a917fdc1/lib/internal/tty.js#L109
  // https://github.com/chalk/supports-color/blob/c214314a14bcb174b12b3014b2b0a8de375029ae/index.js#L33
  // (https://force-color.org recent web page from 2023, does not match major javascript implementations)

  if (
    process.env.NO_COLOR ||
    process.env.FORCE_COLOR === '0' ||
    process.env.FORCE_COLOR === 'false'
  )
    return false;
  if (process.env.FORCE_COLOR || process.env.CLICOLOR_FORCE !== undefined)
    return true;
  return undefined;
}

exports.Command = Command;
exports.useColor = useColor; // exporting for tests


/***/ }),

/***/ 135:
/***/ ((__unused_webpack_module, exports) => {

/**
 * CommanderError class
 */
class CommanderError extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code which could be used with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   */
  constructor(exitCode, code, message) {
    super(message);
    // properly capture stack trace in Node.js
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
    this.code = code;
    this.exitCode = exitCode;
    this.nestedError = undefined;
  }
}

/**
 * InvalidArgumentError class
 */
class InvalidArgumentError extends CommanderError {
  /**
   * Constructs the InvalidArgumentError class
   * @param {string} [message] explanation of why argument is invalid
   */
  constructor(message) {
    super(1, 'commander.invalidArgument', message);
    // properly capture stack trace in Node.js
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
  }
}

exports.CommanderError = CommanderError;
exports.InvalidArgumentError = InvalidArgumentError;


/***/ }),

/***/ 754:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { humanReadableArgName } = __nccwpck_require__(154);

/**
 * TypeScript import types for JSDoc, used by Visual Studio Code IntelliSense and `npm run typescript-checkJS`
 * https://www.typescriptlang.org/docs/handbook/jsdoc-supported-types.html#import-types
 * @typedef { import("./argument.js").Argument } Argument
 * @typedef { import("./command.js").Command } Command
 * @typedef { import("./option.js").Option } Option
 */

// Although this is a class, methods are static in style to allow override using subclass or just functions.
class Help {
  constructor() {
    this.helpWidth = undefined;
    this.minWidthToWrap = 40;
    this.sortSubcommands = false;
    this.sortOptions = false;
    this.showGlobalOptions = false;
  }

  /**
   * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
   * and just before calling `formatHelp()`.
   *
   * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
   *
   * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
   */
  prepareContext(contextOptions) {
    this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
  }

  /**
   * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
   *
   * @param {Command} cmd
   * @returns {Command[]}
   */

  visibleCommands(cmd) {
    const visibleCommands = cmd.commands.filter((cmd) => !cmd._hidden);
    const helpCommand = cmd._getHelpCommand();
    if (helpCommand && !helpCommand._hidden) {
      visibleCommands.push(helpCommand);
    }
    if (this.sortSubcommands) {
      visibleCommands.sort((a, b) => {
        // @ts-ignore: because overloaded return type
        return a.name().localeCompare(b.name());
      });
    }
    return visibleCommands;
  }

  /**
   * Compare options for sort.
   *
   * @param {Option} a
   * @param {Option} b
   * @returns {number}
   */
  compareOptions(a, b) {
    const getSortKey = (option) => {
      // WYSIWYG for order displayed in help. Short used for comparison if present. No special handling for negated.
      return option.short
        ? option.short.replace(/^-/, '')
        : option.long.replace(/^--/, '');
    };
    return getSortKey(a).localeCompare(getSortKey(b));
  }

  /**
   * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */

  visibleOptions(cmd) {
    const visibleOptions = cmd.options.filter((option) => !option.hidden);
    // Built-in help option.
    const helpOption = cmd._getHelpOption();
    if (helpOption && !helpOption.hidden) {
      // Automatically hide conflicting flags. Bit dubious but a historical behaviour that is convenient for single-command programs.
      const removeShort = helpOption.short && cmd._findOption(helpOption.short);
      const removeLong = helpOption.long && cmd._findOption(helpOption.long);
      if (!removeShort && !removeLong) {
        visibleOptions.push(helpOption); // no changes needed
      } else if (helpOption.long && !removeLong) {
        visibleOptions.push(
          cmd.createOption(helpOption.long, helpOption.description),
        );
      } else if (helpOption.short && !removeShort) {
        visibleOptions.push(
          cmd.createOption(helpOption.short, helpOption.description),
        );
      }
    }
    if (this.sortOptions) {
      visibleOptions.sort(this.compareOptions);
    }
    return visibleOptions;
  }

  /**
   * Get an array of the visible global options. (Not including help.)
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */

  visibleGlobalOptions(cmd) {
    if (!this.showGlobalOptions) return [];

    const globalOptions = [];
    for (
      let ancestorCmd = cmd.parent;
      ancestorCmd;
      ancestorCmd = ancestorCmd.parent
    ) {
      const visibleOptions = ancestorCmd.options.filter(
        (option) => !option.hidden,
      );
      globalOptions.push(...visibleOptions);
    }
    if (this.sortOptions) {
      globalOptions.sort(this.compareOptions);
    }
    return globalOptions;
  }

  /**
   * Get an array of the arguments if any have a description.
   *
   * @param {Command} cmd
   * @returns {Argument[]}
   */

  visibleArguments(cmd) {
    // Side effect! Apply the legacy descriptions before the arguments are displayed.
    if (cmd._argsDescription) {
      cmd.registeredArguments.forEach((argument) => {
        argument.description =
          argument.description || cmd._argsDescription[argument.name()] || '';
      });
    }

    // If there are any arguments with a description then return all the arguments.
    if (cmd.registeredArguments.find((argument) => argument.description)) {
      return cmd.registeredArguments;
    }
    return [];
  }

  /**
   * Get the command term to show in the list of subcommands.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  subcommandTerm(cmd) {
    // Legacy. Ignores custom usage string, and nested commands.
    const args = cmd.registeredArguments
      .map((arg) => humanReadableArgName(arg))
      .join(' ');
    return (
      cmd._name +
      (cmd._aliases[0] ? '|' + cmd._aliases[0] : '') +
      (cmd.options.length ? ' [options]' : '') + // simplistic check for non-help option
      (args ? ' ' + args : '')
    );
  }

  /**
   * Get the option term to show in the list of options.
   *
   * @param {Option} option
   * @returns {string}
   */

  optionTerm(option) {
    return option.flags;
  }

  /**
   * Get the argument term to show in the list of arguments.
   *
   * @param {Argument} argument
   * @returns {string}
   */

  argumentTerm(argument) {
    return argument.name();
  }

  /**
   * Get the longest command term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestSubcommandTermLength(cmd, helper) {
    return helper.visibleCommands(cmd).reduce((max, command) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleSubcommandTerm(helper.subcommandTerm(command)),
        ),
      );
    }, 0);
  }

  /**
   * Get the longest option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestOptionTermLength(cmd, helper) {
    return helper.visibleOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
      );
    }, 0);
  }

  /**
   * Get the longest global option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestGlobalOptionTermLength(cmd, helper) {
    return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
      );
    }, 0);
  }

  /**
   * Get the longest argument term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestArgumentTermLength(cmd, helper) {
    return helper.visibleArguments(cmd).reduce((max, argument) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleArgumentTerm(helper.argumentTerm(argument)),
        ),
      );
    }, 0);
  }

  /**
   * Get the command usage to be displayed at the top of the built-in help.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  commandUsage(cmd) {
    // Usage
    let cmdName = cmd._name;
    if (cmd._aliases[0]) {
      cmdName = cmdName + '|' + cmd._aliases[0];
    }
    let ancestorCmdNames = '';
    for (
      let ancestorCmd = cmd.parent;
      ancestorCmd;
      ancestorCmd = ancestorCmd.parent
    ) {
      ancestorCmdNames = ancestorCmd.name() + ' ' + ancestorCmdNames;
    }
    return ancestorCmdNames + cmdName + ' ' + cmd.usage();
  }

  /**
   * Get the description for the command.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  commandDescription(cmd) {
    // @ts-ignore: because overloaded return type
    return cmd.description();
  }

  /**
   * Get the subcommand summary to show in the list of subcommands.
   * (Fallback to description for backwards compatibility.)
   *
   * @param {Command} cmd
   * @returns {string}
   */

  subcommandDescription(cmd) {
    // @ts-ignore: because overloaded return type
    return cmd.summary() || cmd.description();
  }

  /**
   * Get the option description to show in the list of options.
   *
   * @param {Option} option
   * @return {string}
   */

  optionDescription(option) {
    const extraInfo = [];

    if (option.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      );
    }
    if (option.defaultValue !== undefined) {
      // default for boolean and negated more for programmer than end user,
      // but show true/false for boolean option as may be for hand-rolled env or config processing.
      const showDefault =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (showDefault) {
        extraInfo.push(
          `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`,
        );
      }
    }
    // preset for boolean and negated are more for programmer than end user
    if (option.presetArg !== undefined && option.optional) {
      extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
    }
    if (option.envVar !== undefined) {
      extraInfo.push(`env: ${option.envVar}`);
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(', ')})`;
      if (option.description) {
        return `${option.description} ${extraDescription}`;
      }
      return extraDescription;
    }

    return option.description;
  }

  /**
   * Get the argument description to show in the list of arguments.
   *
   * @param {Argument} argument
   * @return {string}
   */

  argumentDescription(argument) {
    const extraInfo = [];
    if (argument.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      );
    }
    if (argument.defaultValue !== undefined) {
      extraInfo.push(
        `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`,
      );
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(', ')})`;
      if (argument.description) {
        return `${argument.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return argument.description;
  }

  /**
   * Format a list of items, given a heading and an array of formatted items.
   *
   * @param {string} heading
   * @param {string[]} items
   * @param {Help} helper
   * @returns string[]
   */
  formatItemList(heading, items, helper) {
    if (items.length === 0) return [];

    return [helper.styleTitle(heading), ...items, ''];
  }

  /**
   * Group items by their help group heading.
   *
   * @param {Command[] | Option[]} unsortedItems
   * @param {Command[] | Option[]} visibleItems
   * @param {Function} getGroup
   * @returns {Map<string, Command[] | Option[]>}
   */
  groupItems(unsortedItems, visibleItems, getGroup) {
    const result = new Map();
    // Add groups in order of appearance in unsortedItems.
    unsortedItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) result.set(group, []);
    });
    // Add items in order of appearance in visibleItems.
    visibleItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) {
        result.set(group, []);
      }
      result.get(group).push(item);
    });
    return result;
  }

  /**
   * Generate the built-in help text.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {string}
   */

  formatHelp(cmd, helper) {
    const termWidth = helper.padWidth(cmd, helper);
    const helpWidth = helper.helpWidth ?? 80; // in case prepareContext() was not called

    function callFormatItem(term, description) {
      return helper.formatItem(term, termWidth, description, helper);
    }

    // Usage
    let output = [
      `${helper.styleTitle('Usage:')} ${helper.styleUsage(helper.commandUsage(cmd))}`,
      '',
    ];

    // Description
    const commandDescription = helper.commandDescription(cmd);
    if (commandDescription.length > 0) {
      output = output.concat([
        helper.boxWrap(
          helper.styleCommandDescription(commandDescription),
          helpWidth,
        ),
        '',
      ]);
    }

    // Arguments
    const argumentList = helper.visibleArguments(cmd).map((argument) => {
      return callFormatItem(
        helper.styleArgumentTerm(helper.argumentTerm(argument)),
        helper.styleArgumentDescription(helper.argumentDescription(argument)),
      );
    });
    output = output.concat(
      this.formatItemList('Arguments:', argumentList, helper),
    );

    // Options
    const optionGroups = this.groupItems(
      cmd.options,
      helper.visibleOptions(cmd),
      (option) => option.helpGroupHeading ?? 'Options:',
    );
    optionGroups.forEach((options, group) => {
      const optionList = options.map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option)),
        );
      });
      output = output.concat(this.formatItemList(group, optionList, helper));
    });

    if (helper.showGlobalOptions) {
      const globalOptionList = helper
        .visibleGlobalOptions(cmd)
        .map((option) => {
          return callFormatItem(
            helper.styleOptionTerm(helper.optionTerm(option)),
            helper.styleOptionDescription(helper.optionDescription(option)),
          );
        });
      output = output.concat(
        this.formatItemList('Global Options:', globalOptionList, helper),
      );
    }

    // Commands
    const commandGroups = this.groupItems(
      cmd.commands,
      helper.visibleCommands(cmd),
      (sub) => sub.helpGroup() || 'Commands:',
    );
    commandGroups.forEach((commands, group) => {
      const commandList = commands.map((sub) => {
        return callFormatItem(
          helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
          helper.styleSubcommandDescription(helper.subcommandDescription(sub)),
        );
      });
      output = output.concat(this.formatItemList(group, commandList, helper));
    });

    return output.join('\n');
  }

  /**
   * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
   *
   * @param {string} str
   * @returns {number}
   */
  displayWidth(str) {
    return stripColor(str).length;
  }

  /**
   * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
   *
   * @param {string} str
   * @returns {string}
   */
  styleTitle(str) {
    return str;
  }

  styleUsage(str) {
    // Usage has lots of parts the user might like to color separately! Assume default usage string which is formed like:
    //    command subcommand [options] [command] <foo> [bar]
    return str
      .split(' ')
      .map((word) => {
        if (word === '[options]') return this.styleOptionText(word);
        if (word === '[command]') return this.styleSubcommandText(word);
        if (word[0] === '[' || word[0] === '<')
          return this.styleArgumentText(word);
        return this.styleCommandText(word); // Restrict to initial words?
      })
      .join(' ');
  }
  styleCommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleOptionDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleSubcommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleArgumentDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleDescriptionText(str) {
    return str;
  }
  styleOptionTerm(str) {
    return this.styleOptionText(str);
  }
  styleSubcommandTerm(str) {
    // This is very like usage with lots of parts! Assume default string which is formed like:
    //    subcommand [options] <foo> [bar]
    return str
      .split(' ')
      .map((word) => {
        if (word === '[options]') return this.styleOptionText(word);
        if (word[0] === '[' || word[0] === '<')
          return this.styleArgumentText(word);
        return this.styleSubcommandText(word); // Restrict to initial words?
      })
      .join(' ');
  }
  styleArgumentTerm(str) {
    return this.styleArgumentText(str);
  }
  styleOptionText(str) {
    return str;
  }
  styleArgumentText(str) {
    return str;
  }
  styleSubcommandText(str) {
    return str;
  }
  styleCommandText(str) {
    return str;
  }

  /**
   * Calculate the pad width from the maximum term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  padWidth(cmd, helper) {
    return Math.max(
      helper.longestOptionTermLength(cmd, helper),
      helper.longestGlobalOptionTermLength(cmd, helper),
      helper.longestSubcommandTermLength(cmd, helper),
      helper.longestArgumentTermLength(cmd, helper),
    );
  }

  /**
   * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
   *
   * @param {string} str
   * @returns {boolean}
   */
  preformatted(str) {
    return /\n[^\S\r\n]/.test(str);
  }

  /**
   * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
   *
   * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
   *   TTT  DDD DDDD
   *        DD DDD
   *
   * @param {string} term
   * @param {number} termWidth
   * @param {string} description
   * @param {Help} helper
   * @returns {string}
   */
  formatItem(term, termWidth, description, helper) {
    const itemIndent = 2;
    const itemIndentStr = ' '.repeat(itemIndent);
    if (!description) return itemIndentStr + term;

    // Pad the term out to a consistent width, so descriptions are aligned.
    const paddedTerm = term.padEnd(
      termWidth + term.length - helper.displayWidth(term),
    );

    // Format the description.
    const spacerWidth = 2; // between term and description
    const helpWidth = this.helpWidth ?? 80; // in case prepareContext() was not called
    const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
    let formattedDescription;
    if (
      remainingWidth < this.minWidthToWrap ||
      helper.preformatted(description)
    ) {
      formattedDescription = description;
    } else {
      const wrappedDescription = helper.boxWrap(description, remainingWidth);
      formattedDescription = wrappedDescription.replace(
        /\n/g,
        '\n' + ' '.repeat(termWidth + spacerWidth),
      );
    }

    // Construct and overall indent.
    return (
      itemIndentStr +
      paddedTerm +
      ' '.repeat(spacerWidth) +
      formattedDescription.replace(/\n/g, `\n${itemIndentStr}`)
    );
  }

  /**
   * Wrap a string at whitespace, preserving existing line breaks.
   * Wrapping is skipped if the width is less than `minWidthToWrap`.
   *
   * @param {string} str
   * @param {number} width
   * @returns {string}
   */
  boxWrap(str, width) {
    if (width < this.minWidthToWrap) return str;

    const rawLines = str.split(/\r\n|\n/);
    // split up text by whitespace
    const chunkPattern = /[\s]*[^\s]+/g;
    const wrappedLines = [];
    rawLines.forEach((line) => {
      const chunks = line.match(chunkPattern);
      if (chunks === null) {
        wrappedLines.push('');
        return;
      }

      let sumChunks = [chunks.shift()];
      let sumWidth = this.displayWidth(sumChunks[0]);
      chunks.forEach((chunk) => {
        const visibleWidth = this.displayWidth(chunk);
        // Accumulate chunks while they fit into width.
        if (sumWidth + visibleWidth <= width) {
          sumChunks.push(chunk);
          sumWidth += visibleWidth;
          return;
        }
        wrappedLines.push(sumChunks.join(''));

        const nextChunk = chunk.trimStart(); // trim space at line break
        sumChunks = [nextChunk];
        sumWidth = this.displayWidth(nextChunk);
      });
      wrappedLines.push(sumChunks.join(''));
    });

    return wrappedLines.join('\n');
  }
}

/**
 * Strip style ANSI escape sequences from the string. In particular, SGR (Select Graphic Rendition) codes.
 *
 * @param {string} str
 * @returns {string}
 * @package
 */

function stripColor(str) {
  // eslint-disable-next-line no-control-regex
  const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
  return str.replace(sgrPattern, '');
}

exports.Help = Help;
exports.stripColor = stripColor;


/***/ }),

/***/ 240:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { InvalidArgumentError } = __nccwpck_require__(135);

class Option {
  /**
   * Initialize a new `Option` with the given `flags` and `description`.
   *
   * @param {string} flags
   * @param {string} [description]
   */

  constructor(flags, description) {
    this.flags = flags;
    this.description = description || '';

    this.required = flags.includes('<'); // A value must be supplied when the option is specified.
    this.optional = flags.includes('['); // A value is optional when the option is specified.
    // variadic test ignores <value,...> et al which might be used to describe custom splitting of single argument
    this.variadic = /\w\.\.\.[>\]]$/.test(flags); // The option can take multiple values.
    this.mandatory = false; // The option must have a value after parsing, which usually means it must be specified on command line.
    const optionFlags = splitOptionFlags(flags);
    this.short = optionFlags.shortFlag; // May be a short flag, undefined, or even a long flag (if option has two long flags).
    this.long = optionFlags.longFlag;
    this.negate = false;
    if (this.long) {
      this.negate = this.long.startsWith('--no-');
    }
    this.defaultValue = undefined;
    this.defaultValueDescription = undefined;
    this.presetArg = undefined;
    this.envVar = undefined;
    this.parseArg = undefined;
    this.hidden = false;
    this.argChoices = undefined;
    this.conflictsWith = [];
    this.implied = undefined;
    this.helpGroupHeading = undefined; // soft initialised when option added to command
  }

  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Option}
   */

  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }

  /**
   * Preset to use when option used without option-argument, especially optional but also boolean and negated.
   * The custom processing (parseArg) is called.
   *
   * @example
   * new Option('--color').default('GREYSCALE').preset('RGB');
   * new Option('--donate [amount]').preset('20').argParser(parseFloat);
   *
   * @param {*} arg
   * @return {Option}
   */

  preset(arg) {
    this.presetArg = arg;
    return this;
  }

  /**
   * Add option name(s) that conflict with this option.
   * An error will be displayed if conflicting options are found during parsing.
   *
   * @example
   * new Option('--rgb').conflicts('cmyk');
   * new Option('--js').conflicts(['ts', 'jsx']);
   *
   * @param {(string | string[])} names
   * @return {Option}
   */

  conflicts(names) {
    this.conflictsWith = this.conflictsWith.concat(names);
    return this;
  }

  /**
   * Specify implied option values for when this option is set and the implied options are not.
   *
   * The custom processing (parseArg) is not called on the implied values.
   *
   * @example
   * program
   *   .addOption(new Option('--log', 'write logging information to file'))
   *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
   *
   * @param {object} impliedOptionValues
   * @return {Option}
   */
  implies(impliedOptionValues) {
    let newImplied = impliedOptionValues;
    if (typeof impliedOptionValues === 'string') {
      // string is not documented, but easy mistake and we can do what user probably intended.
      newImplied = { [impliedOptionValues]: true };
    }
    this.implied = Object.assign(this.implied || {}, newImplied);
    return this;
  }

  /**
   * Set environment variable to check for option value.
   *
   * An environment variable is only used if when processed the current option value is
   * undefined, or the source of the current value is 'default' or 'config' or 'env'.
   *
   * @param {string} name
   * @return {Option}
   */

  env(name) {
    this.envVar = name;
    return this;
  }

  /**
   * Set the custom handler for processing CLI option arguments into option values.
   *
   * @param {Function} [fn]
   * @return {Option}
   */

  argParser(fn) {
    this.parseArg = fn;
    return this;
  }

  /**
   * Whether the option is mandatory and must have a value after parsing.
   *
   * @param {boolean} [mandatory=true]
   * @return {Option}
   */

  makeOptionMandatory(mandatory = true) {
    this.mandatory = !!mandatory;
    return this;
  }

  /**
   * Hide option in help.
   *
   * @param {boolean} [hide=true]
   * @return {Option}
   */

  hideHelp(hide = true) {
    this.hidden = !!hide;
    return this;
  }

  /**
   * @package
   */

  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }

    previous.push(value);
    return previous;
  }

  /**
   * Only allow option value to be one of choices.
   *
   * @param {string[]} values
   * @return {Option}
   */

  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(', ')}.`,
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }

  /**
   * Return option name.
   *
   * @return {string}
   */

  name() {
    if (this.long) {
      return this.long.replace(/^--/, '');
    }
    return this.short.replace(/^-/, '');
  }

  /**
   * Return option name, in a camelcase format that can be used
   * as an object attribute key.
   *
   * @return {string}
   */

  attributeName() {
    if (this.negate) {
      return camelcase(this.name().replace(/^no-/, ''));
    }
    return camelcase(this.name());
  }

  /**
   * Set the help group heading.
   *
   * @param {string} heading
   * @return {Option}
   */
  helpGroup(heading) {
    this.helpGroupHeading = heading;
    return this;
  }

  /**
   * Check if `arg` matches the short or long flag.
   *
   * @param {string} arg
   * @return {boolean}
   * @package
   */

  is(arg) {
    return this.short === arg || this.long === arg;
  }

  /**
   * Return whether a boolean option.
   *
   * Options are one of boolean, negated, required argument, or optional argument.
   *
   * @return {boolean}
   * @package
   */

  isBoolean() {
    return !this.required && !this.optional && !this.negate;
  }
}

/**
 * This class is to make it easier to work with dual options, without changing the existing
 * implementation. We support separate dual options for separate positive and negative options,
 * like `--build` and `--no-build`, which share a single option value. This works nicely for some
 * use cases, but is tricky for others where we want separate behaviours despite
 * the single shared option value.
 */
class DualOptions {
  /**
   * @param {Option[]} options
   */
  constructor(options) {
    this.positiveOptions = new Map();
    this.negativeOptions = new Map();
    this.dualOptions = new Set();
    options.forEach((option) => {
      if (option.negate) {
        this.negativeOptions.set(option.attributeName(), option);
      } else {
        this.positiveOptions.set(option.attributeName(), option);
      }
    });
    this.negativeOptions.forEach((value, key) => {
      if (this.positiveOptions.has(key)) {
        this.dualOptions.add(key);
      }
    });
  }

  /**
   * Did the value come from the option, and not from possible matching dual option?
   *
   * @param {*} value
   * @param {Option} option
   * @returns {boolean}
   */
  valueFromOption(value, option) {
    const optionKey = option.attributeName();
    if (!this.dualOptions.has(optionKey)) return true;

    // Use the value to deduce if (probably) came from the option.
    const preset = this.negativeOptions.get(optionKey).presetArg;
    const negativeValue = preset !== undefined ? preset : false;
    return option.negate === (negativeValue === value);
  }
}

/**
 * Convert string from kebab-case to camelCase.
 *
 * @param {string} str
 * @return {string}
 * @private
 */

function camelcase(str) {
  return str.split('-').reduce((str, word) => {
    return str + word[0].toUpperCase() + word.slice(1);
  });
}

/**
 * Split the short and long flag out of something like '-m,--mixed <value>'
 *
 * @private
 */

function splitOptionFlags(flags) {
  let shortFlag;
  let longFlag;
  // short flag, single dash and single character
  const shortFlagExp = /^-[^-]$/;
  // long flag, double dash and at least one character
  const longFlagExp = /^--[^-]/;

  const flagParts = flags.split(/[ |,]+/).concat('guard');
  // Normal is short and/or long.
  if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
  if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
  // Long then short. Rarely used but fine.
  if (!shortFlag && shortFlagExp.test(flagParts[0]))
    shortFlag = flagParts.shift();
  // Allow two long flags, like '--ws, --workspace'
  // This is the supported way to have a shortish option flag.
  if (!shortFlag && longFlagExp.test(flagParts[0])) {
    shortFlag = longFlag;
    longFlag = flagParts.shift();
  }

  // Check for unprocessed flag. Fail noisily rather than silently ignore.
  if (flagParts[0].startsWith('-')) {
    const unsupportedFlag = flagParts[0];
    const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
    if (/^-[^-][^-]/.test(unsupportedFlag))
      throw new Error(
        `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`,
      );
    if (shortFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many short flags`);
    if (longFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many long flags`);

    throw new Error(`${baseError}
- unrecognised flag format`);
  }
  if (shortFlag === undefined && longFlag === undefined)
    throw new Error(
      `option creation failed due to no flags found in '${flags}'.`,
    );

  return { shortFlag, longFlag };
}

exports.Option = Option;
exports.DualOptions = DualOptions;


/***/ }),

/***/ 30:
/***/ ((__unused_webpack_module, exports) => {

const maxDistance = 3;

function editDistance(a, b) {
  // https://en.wikipedia.org/wiki/Damerau–Levenshtein_distance
  // Calculating optimal string alignment distance, no substring is edited more than once.
  // (Simple implementation.)

  // Quick early exit, return worst case.
  if (Math.abs(a.length - b.length) > maxDistance)
    return Math.max(a.length, b.length);

  // distance between prefix substrings of a and b
  const d = [];

  // pure deletions turn a into empty string
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
  }
  // pure insertions turn empty string into b
  for (let j = 0; j <= b.length; j++) {
    d[0][j] = j;
  }

  // fill matrix
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      let cost = 1;
      if (a[i - 1] === b[j - 1]) {
        cost = 0;
      } else {
        cost = 1;
      }
      d[i][j] = Math.min(
        d[i - 1][j] + 1, // deletion
        d[i][j - 1] + 1, // insertion
        d[i - 1][j - 1] + cost, // substitution
      );
      // transposition
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }

  return d[a.length][b.length];
}

/**
 * Find close matches, restricted to same number of edits.
 *
 * @param {string} word
 * @param {string[]} candidates
 * @returns {string}
 */

function suggestSimilar(word, candidates) {
  if (!candidates || candidates.length === 0) return '';
  // remove possible duplicates
  candidates = Array.from(new Set(candidates));

  const searchingOptions = word.startsWith('--');
  if (searchingOptions) {
    word = word.slice(2);
    candidates = candidates.map((candidate) => candidate.slice(2));
  }

  let similar = [];
  let bestDistance = maxDistance;
  const minSimilarity = 0.4;
  candidates.forEach((candidate) => {
    if (candidate.length <= 1) return; // no one character guesses

    const distance = editDistance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    const similarity = (length - distance) / length;
    if (similarity > minSimilarity) {
      if (distance < bestDistance) {
        // better edit distance, throw away previous worse matches
        bestDistance = distance;
        similar = [candidate];
      } else if (distance === bestDistance) {
        similar.push(candidate);
      }
    }
  });

  similar.sort((a, b) => a.localeCompare(b));
  if (searchingOptions) {
    similar = similar.map((candidate) => `--${candidate}`);
  }

  if (similar.length > 1) {
    return `\n(Did you mean one of ${similar.join(', ')}?)`;
  }
  if (similar.length === 1) {
    return `\n(Did you mean ${similar[0]}?)`;
  }
  return '';
}

exports.suggestSimilar = suggestSimilar;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "B", ({ value: true }));
const program_js_1 = __nccwpck_require__(806);
const errors_js_1 = __nccwpck_require__(922);
const logger_js_1 = __nccwpck_require__(353);
const outcome_js_1 = __nccwpck_require__(793);
async function main() {
    const argv = process.argv.slice(2);
    const ctx = {
        logger: (0, logger_js_1.createConsoleLogger)({ debug: argv.includes('--debug') }),
        out: (s) => void process.stdout.write(s),
        stdin: process.stdin,
        env: process.env,
        outcome: 'go',
    };
    try {
        await (0, program_js_1.runProgram)(argv, ctx);
        return (0, outcome_js_1.exitCodeOf)(ctx.outcome);
    }
    catch (error) {
        const outcome = (0, outcome_js_1.outcomeOfError)(error);
        const prefix = outcome === 'internal-error' ? 'internal error' : 'error';
        process.stderr.write(`portcullis: ${prefix}: ${(0, errors_js_1.getErrorMessage)(error).split('\n')[0]}\n`);
        if (outcome === 'internal-error' && error instanceof Error && error.stack)
            ctx.logger.debug(error.stack);
        return (0, outcome_js_1.exitCodeOf)(outcome);
    }
}
main().then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`portcullis: internal error: ${(0, errors_js_1.getErrorMessage)(error)}\n`);
    process.exitCode = 3;
});

})();

var __webpack_exports___esModule = __webpack_exports__.B;
export { __webpack_exports___esModule as __esModule };
