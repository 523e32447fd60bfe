;; dlkit's hand-written WebAssembly kernels: loops that tfjs-backend-wasm 4.22 does not have, run
;; directly on its heap. The module imports the backend's own memory, so every pointer below is
;; a byte offset of a tensor buffer there (BackendWasm dataIdMap memoryOffset). All data f32.
;; Compiled by tools/build-wasm.js into kernelsWasm.ts (the spec checks the two agree).
(module
  (import "env" "memory" (memory 1))

  ;; dst[0..n) += src[0..n), 4 lanes at a time, then the tail.
  (func $add_into (param $dst i32) (param $src i32) (param $n i32)
    (local $end i32) (local $end4 i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $end4 (i32.add (local.get $dst) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done4
      (loop $vec
        (br_if $done4 (i32.ge_u (local.get $dst) (local.get $end4)))
        (v128.store (local.get $dst) (f32x4.add (v128.load (local.get $dst)) (v128.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (br $vec)))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (f32.store (local.get $dst) (f32.add (f32.load (local.get $dst)) (f32.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (br $tail))))

  ;; col2im for Conv2DBackpropInput (see conv2DBackpropInput.ts): dx [B, H, W, C] is zeroed, then
  ;;   dx[b, i*sh + p - top, j*sw + q - left, c] += cols[(b, i, j), (p, q, c)]
  ;; over the in-range taps; for fixed (b, i, j, p) the taps q in [qs, qe) are one contiguous run.
  (func (export "col2im") (param $dx i32) (param $cols i32)
        (param $B i32) (param $oh i32) (param $ow i32) (param $H i32) (param $W i32) (param $C i32)
        (param $kh i32) (param $kw i32) (param $sh i32) (param $sw i32) (param $top i32) (param $left i32)
    (local $b i32) (local $i i32) (local $j i32) (local $p i32) (local $y i32) (local $x0 i32)
    (local $qs i32) (local $qe i32) (local $row i32) (local $rowLen i32)
    (memory.fill (local.get $dx) (i32.const 0)
      (i32.shl (i32.mul (i32.mul (local.get $B) (local.get $H)) (i32.mul (local.get $W) (local.get $C))) (i32.const 2)))
    (local.set $rowLen (i32.mul (i32.mul (local.get $kh) (local.get $kw)) (local.get $C)))
    (local.set $row (local.get $cols))
    (local.set $b (i32.const 0))
    (block $bEnd (loop $bLoop
      (br_if $bEnd (i32.ge_s (local.get $b) (local.get $B)))
      (local.set $i (i32.const 0))
      (block $iEnd (loop $iLoop
        (br_if $iEnd (i32.ge_s (local.get $i) (local.get $oh)))
        (local.set $j (i32.const 0))
        (block $jEnd (loop $jLoop
          (br_if $jEnd (i32.ge_s (local.get $j) (local.get $ow)))
          (local.set $x0 (i32.sub (i32.mul (local.get $j) (local.get $sw)) (local.get $left)))
          ;; qs = max(0, -x0), qe = min(kw, W - x0)
          (local.set $qs (select (i32.sub (i32.const 0) (local.get $x0)) (i32.const 0) (i32.lt_s (local.get $x0) (i32.const 0))))
          (local.set $qe (select (local.get $kw) (i32.sub (local.get $W) (local.get $x0))
                           (i32.le_s (local.get $kw) (i32.sub (local.get $W) (local.get $x0)))))
          (if (i32.lt_s (local.get $qs) (local.get $qe))
            (then
              (local.set $p (i32.const 0))
              (block $pEnd (loop $pLoop
                (br_if $pEnd (i32.ge_s (local.get $p) (local.get $kh)))
                (local.set $y (i32.sub (i32.add (i32.mul (local.get $i) (local.get $sh)) (local.get $p)) (local.get $top)))
                (if (i32.and (i32.ge_s (local.get $y) (i32.const 0)) (i32.lt_s (local.get $y) (local.get $H)))
                  (then
                    (call $add_into
                      ;; dx + 4 * (((b*H + y)*W + x0 + qs) * C)
                      (i32.add (local.get $dx) (i32.shl
                        (i32.mul (i32.add (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $H)) (local.get $y)) (local.get $W)) (local.get $x0)) (local.get $qs))
                                 (local.get $C)) (i32.const 2)))
                      ;; row + 4 * ((p*kw + qs) * C)
                      (i32.add (local.get $row) (i32.shl
                        (i32.mul (i32.add (i32.mul (local.get $p) (local.get $kw)) (local.get $qs)) (local.get $C)) (i32.const 2)))
                      (i32.mul (i32.sub (local.get $qe) (local.get $qs)) (local.get $C)))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $pLoop)))))
          (local.set $row (i32.add (local.get $row) (i32.shl (local.get $rowLen) (i32.const 2))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $jLoop)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $iLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop))))

  ;; MaxPoolGrad for unpadded 2x2 windows with stride 2 and C % 4 == 0 (see maxPoolGrad.ts): dx is
  ;; zeroed, then per window and 4 channels at a time the first strict maximum (from -inf, in
  ;; row-major order; NaN never wins) receives dy. x, dx [B, H, W, C]; dy [B, oh, ow, C].
  (func (export "maxpool_grad_2x2") (param $x i32) (param $dy i32) (param $dx i32)
        (param $B i32) (param $H i32) (param $W i32) (param $C i32) (param $oh i32) (param $ow i32)
    (local $b i32) (local $i i32) (local $j i32) (local $c i32) (local $g i32)
    (local $o00 i32) (local $rowStride i32)
    (local $v v128) (local $best v128) (local $sel v128) (local $m v128) (local $gv v128)
    (memory.fill (local.get $dx) (i32.const 0)
      (i32.shl (i32.mul (i32.mul (local.get $B) (local.get $H)) (i32.mul (local.get $W) (local.get $C))) (i32.const 2)))
    (local.set $rowStride (i32.shl (i32.mul (local.get $W) (local.get $C)) (i32.const 2)))
    (local.set $g (local.get $dy))
    (local.set $b (i32.const 0))
    (block $bEnd (loop $bLoop
      (br_if $bEnd (i32.ge_s (local.get $b) (local.get $B)))
      (local.set $i (i32.const 0))
      (block $iEnd (loop $iLoop
        (br_if $iEnd (i32.ge_s (local.get $i) (local.get $oh)))
        (local.set $j (i32.const 0))
        (block $jEnd (loop $jLoop
          (br_if $jEnd (i32.ge_s (local.get $j) (local.get $ow)))
          ;; byte offset of (b, 2i, 2j, 0)
          (local.set $o00 (i32.shl
            (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $H)) (i32.shl (local.get $i) (i32.const 1))) (local.get $W))
                              (i32.shl (local.get $j) (i32.const 1)))
                     (local.get $C)) (i32.const 2)))
          (local.set $c (i32.const 0))
          (block $cEnd (loop $cLoop
            (br_if $cEnd (i32.ge_s (local.get $c) (local.get $C)))
            (local.set $best (v128.const f32x4 -inf -inf -inf -inf))
            (local.set $sel (v128.const i32x4 0 0 0 0))
            ;; tap 1: (0, 0)
            (local.set $v (v128.load (i32.add (local.get $x) (local.get $o00))))
            (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
            (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
            (local.set $sel (v128.bitselect (v128.const i32x4 1 1 1 1) (local.get $sel) (local.get $m)))
            ;; tap 2: (0, 1)
            (local.set $v (v128.load (i32.add (local.get $x) (i32.add (local.get $o00) (i32.shl (local.get $C) (i32.const 2))))))
            (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
            (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
            (local.set $sel (v128.bitselect (v128.const i32x4 2 2 2 2) (local.get $sel) (local.get $m)))
            ;; tap 3: (1, 0)
            (local.set $v (v128.load (i32.add (local.get $x) (i32.add (local.get $o00) (local.get $rowStride)))))
            (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
            (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
            (local.set $sel (v128.bitselect (v128.const i32x4 3 3 3 3) (local.get $sel) (local.get $m)))
            ;; tap 4: (1, 1)
            (local.set $v (v128.load (i32.add (local.get $x) (i32.add (i32.add (local.get $o00) (local.get $rowStride)) (i32.shl (local.get $C) (i32.const 2))))))
            (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
            (local.set $sel (v128.bitselect (v128.const i32x4 4 4 4 4) (local.get $sel) (local.get $m)))
            ;; dx at each tap: dy where that tap won, else 0
            (local.set $gv (v128.load (local.get $g)))
            (v128.store (i32.add (local.get $dx) (local.get $o00))
              (v128.and (local.get $gv) (i32x4.eq (local.get $sel) (v128.const i32x4 1 1 1 1))))
            (v128.store (i32.add (local.get $dx) (i32.add (local.get $o00) (i32.shl (local.get $C) (i32.const 2))))
              (v128.and (local.get $gv) (i32x4.eq (local.get $sel) (v128.const i32x4 2 2 2 2))))
            (v128.store (i32.add (local.get $dx) (i32.add (local.get $o00) (local.get $rowStride)))
              (v128.and (local.get $gv) (i32x4.eq (local.get $sel) (v128.const i32x4 3 3 3 3))))
            (v128.store (i32.add (local.get $dx) (i32.add (i32.add (local.get $o00) (local.get $rowStride)) (i32.shl (local.get $C) (i32.const 2))))
              (v128.and (local.get $gv) (i32x4.eq (local.get $sel) (v128.const i32x4 4 4 4 4))))
            (local.set $o00 (i32.add (local.get $o00) (i32.const 16)))
            (local.set $g (i32.add (local.get $g) (i32.const 16)))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $cLoop)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $jLoop)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $iLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop))))

  ;; Row im2col for Conv2DBackpropFilter (see conv2DBackpropFilter.ts), one row per filter tap:
  ;;   cols[(p, q, c), (b, i, j)] = x[b, i*sh + p - top, j*sw + q - left, c]   (0 outside)
  ;; x [B, H, W, C]; cols [kh*kw*C, B*oh*ow].
  (func (export "im2col_rows") (param $cols i32) (param $x i32)
        (param $B i32) (param $H i32) (param $W i32) (param $C i32) (param $oh i32) (param $ow i32)
        (param $kh i32) (param $kw i32) (param $sh i32) (param $sw i32) (param $top i32) (param $left i32)
    (local $p i32) (local $q i32) (local $c i32) (local $b i32) (local $i i32) (local $j i32)
    (local $out i32) (local $row i32) (local $col i32) (local $base i32) (local $js i32) (local $je i32)
    (local.set $out (local.get $cols))
    (local.set $p (i32.const 0))
    (block $pEnd (loop $pLoop
      (br_if $pEnd (i32.ge_s (local.get $p) (local.get $kh)))
      (local.set $q (i32.const 0))
      (block $qEnd (loop $qLoop
        (br_if $qEnd (i32.ge_s (local.get $q) (local.get $kw)))
        ;; in-range output columns: j*sw + q - left in [0, W)  <=>  j in [js, je)
        (local.set $js (i32.const 0))
        (block $jsEnd (loop $jsLoop
          (br_if $jsEnd (i32.ge_s (local.get $js) (local.get $ow)))
          (br_if $jsEnd (i32.ge_s (i32.sub (i32.add (i32.mul (local.get $js) (local.get $sw)) (local.get $q)) (local.get $left)) (i32.const 0)))
          (local.set $js (i32.add (local.get $js) (i32.const 1)))
          (br $jsLoop)))
        (local.set $je (local.get $js))
        (block $jeEnd (loop $jeLoop
          (br_if $jeEnd (i32.ge_s (local.get $je) (local.get $ow)))
          (br_if $jeEnd (i32.ge_s (i32.sub (i32.add (i32.mul (local.get $je) (local.get $sw)) (local.get $q)) (local.get $left)) (local.get $W)))
          (local.set $je (i32.add (local.get $je) (i32.const 1)))
          (br $jeLoop)))
        (local.set $c (i32.const 0))
        (block $cEnd (loop $cLoop
          (br_if $cEnd (i32.ge_s (local.get $c) (local.get $C)))
          (local.set $b (i32.const 0))
          (block $bEnd (loop $bLoop
            (br_if $bEnd (i32.ge_s (local.get $b) (local.get $B)))
            (local.set $i (i32.const 0))
            (block $iEnd (loop $iLoop
              (br_if $iEnd (i32.ge_s (local.get $i) (local.get $oh)))
              (local.set $row (i32.sub (i32.add (i32.mul (local.get $i) (local.get $sh)) (local.get $p)) (local.get $top)))
              (if (i32.or (i32.lt_s (local.get $row) (i32.const 0)) (i32.ge_s (local.get $row) (local.get $H)))
                (then (memory.fill (local.get $out) (i32.const 0) (i32.shl (local.get $ow) (i32.const 2))))
                (else
                  ;; zeros before js and from je, values between
                  (memory.fill (local.get $out) (i32.const 0) (i32.shl (local.get $js) (i32.const 2)))
                  (memory.fill (i32.add (local.get $out) (i32.shl (local.get $je) (i32.const 2))) (i32.const 0)
                    (i32.shl (i32.sub (local.get $ow) (local.get $je)) (i32.const 2)))
                  ;; base: byte offset of x[b, row, 0, c]
                  (local.set $base (i32.add (local.get $x) (i32.shl
                    (i32.add (i32.mul (i32.mul (i32.add (i32.mul (local.get $b) (local.get $H)) (local.get $row)) (local.get $W)) (local.get $C)) (local.get $c))
                    (i32.const 2))))
                  (if (i32.and (i32.eq (local.get $C) (i32.const 1)) (i32.eq (local.get $sw) (i32.const 1)))
                    (then
                      ;; contiguous: x[b, row, js + q - left .. je + q - left)
                      (memory.copy
                        (i32.add (local.get $out) (i32.shl (local.get $js) (i32.const 2)))
                        (i32.add (local.get $base) (i32.shl (i32.sub (i32.add (local.get $js) (local.get $q)) (local.get $left)) (i32.const 2)))
                        (i32.shl (i32.sub (local.get $je) (local.get $js)) (i32.const 2))))
                    (else
                      (local.set $j (local.get $js))
                      (block $jEnd (loop $jLoop
                        (br_if $jEnd (i32.ge_s (local.get $j) (local.get $je)))
                        (local.set $col (i32.sub (i32.add (i32.mul (local.get $j) (local.get $sw)) (local.get $q)) (local.get $left)))
                        (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
                          (f32.load (i32.add (local.get $base) (i32.shl (i32.mul (local.get $col) (local.get $C)) (i32.const 2)))))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (br $jLoop)))))))
              (local.set $out (i32.add (local.get $out) (i32.shl (local.get $ow) (i32.const 2))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $iLoop)))
            (local.set $b (i32.add (local.get $b) (i32.const 1)))
            (br $bLoop)))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (br $cLoop)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $qLoop)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $pLoop))))
)
