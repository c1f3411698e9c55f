;; The fixed-place loop of the one-pass reader (scan.ts) in WebAssembly: the
;; rows of a price file laid out `YYYY-MM-DD,close[,adj close]` into columns.
;; JavaScript reads a file once, so most of that loop ran before V8 had
;; optimised it; this compiles at once to machine code that needs no warming.
;;
;; It must read exactly as scan.ts's fixedRows does, or decline the file
;; (return -1) and leave it to fixedRows: the same rows kept, the same day
;; numbers, the same doubles (an integer mantissa below 2^53 over an exact
;; power of ten, as fixedRows computes it), the same rows skipped. Anything
;; fixedRows reads with Number() (17 digits and more), a year 0000, or a
;; column too small is declined. test/property/fast-reader.property.test.ts
;; holds the two to it on random files.
;;
;; Assembled by scripts/build-wasm.mjs into rows-wasm.ts (npm run build:wasm).
;; Memory: [0, 48) days in each month (i32 x 12, February 28) and
;; [96, 280) 10^0 ... 10^22 (f64 x 23), both written by the host; the host
;; puts a file's bytes and the columns anywhere above.
(module
  (memory (export "memory") 1)
  ;; see the header for the layout of memory
  (global $skipped (export "skipped") (mut i32) (i32.const 0))
  (global $skip0 (export "skip0") (mut i32) (i32.const 0))
  (global $skip1 (export "skip1") (mut i32) (i32.const 0))
  (global $skip2 (export "skip2") (mut i32) (i32.const 0))
  ;; where the last number read ends, and its value (-1: an empty cell)
  (global $end (mut i32) (i32.const 0))
  (global $value (mut f64) (f64.const 0))

  (func $isDigit (param $c i32) (result i32)
    (i32.lt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10)))

  (func $daysInMonth (param $y i32) (param $m i32) (result i32)
    (if (result i32) (i32.eq (local.get $m) (i32.const 2))
      (then
        (if (result i32)
          (i32.or
            (i32.and (i32.eqz (i32.rem_u (local.get $y) (i32.const 4))) (i32.ne (i32.rem_u (local.get $y) (i32.const 100)) (i32.const 0)))
            (i32.eqz (i32.rem_u (local.get $y) (i32.const 400))))
          (then (i32.const 29))
          (else (i32.const 28))))
      (else (i32.load (i32.shl (i32.sub (local.get $m) (i32.const 1)) (i32.const 2))))))

  ;; days since 1970-01-01 of a date of year ≥ 1 (the host's civilToDays)
  (func $civil (param $y i32) (param $m i32) (param $d i32) (result i32)
    (local $era i32) (local $yoe i32) (local $doy i32) (local $doe i32)
    (if (i32.le_u (local.get $m) (i32.const 2)) (then (local.set $y (i32.sub (local.get $y) (i32.const 1)))))
    (local.set $era (i32.div_u (local.get $y) (i32.const 400)))
    (local.set $yoe (i32.sub (local.get $y) (i32.mul (local.get $era) (i32.const 400))))
    (local.set $doy
      (i32.add
        (i32.div_u
          (i32.add (i32.mul (i32.const 153) (i32.add (local.get $m) (select (i32.const -3) (i32.const 9) (i32.gt_u (local.get $m) (i32.const 2))))) (i32.const 2))
          (i32.const 5))
        (i32.sub (local.get $d) (i32.const 1))))
    (local.set $doe
      (i32.add
        (i32.sub
          (i32.add (i32.mul (local.get $yoe) (i32.const 365)) (i32.div_u (local.get $yoe) (i32.const 4)))
          (i32.div_u (local.get $yoe) (i32.const 100)))
        (local.get $doy)))
    (i32.sub (i32.add (i32.mul (local.get $era) (i32.const 146097)) (local.get $doe)) (i32.const 719468)))

  ;; the number cell at $a: 1 when read ($end, $value set), 0 when the host must read the file
  (func $number (param $a i32) (param $n i32) (result i32)
    (local $i i32) (local $c i32) (local $m i64) (local $long i32) (local $point i32) (local $decimals i32)
    (local.set $i (local.get $a))
    (local.set $c (i32.const -1))
    (block $done
      (loop $digits
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (local.get $i)))
        (br_if $done (i32.eqz (call $isDigit (local.get $c))))
        (if (i64.ge_u (local.get $m) (i64.const 9007199254740992))
          (then (local.set $long (i32.const 1)))
          (else (local.set $m (i64.add (i64.mul (local.get $m) (i64.const 10)) (i64.extend_i32_u (i32.sub (local.get $c) (i32.const 48)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $c (i32.const -1))
        (br $digits)))
    (if (i32.and (i32.eq (local.get $c) (i32.const 46)) (i32.lt_u (local.get $i) (local.get $n)))
      (then
        (local.set $point (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $c (i32.const -1))
        (block $done
          (loop $fraction
            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $c (i32.load8_u (local.get $i)))
            (br_if $done (i32.eqz (call $isDigit (local.get $c))))
            (if (i64.ge_u (local.get $m) (i64.const 9007199254740992))
              (then (local.set $long (i32.const 1)))
              (else (local.set $m (i64.add (i64.mul (local.get $m) (i64.const 10)) (i64.extend_i32_u (i32.sub (local.get $c) (i32.const 48)))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (local.set $c (i32.const -1))
            (br $fraction)))
        (local.set $decimals (i32.sub (i32.sub (local.get $i) (local.get $point)) (i32.const 1)))
        ;; a point and no digit
        (if (i32.eq (i32.sub (local.get $i) (local.get $a)) (i32.const 1)) (then (return (i32.const 0))))))
    ;; the cell ends at a comma, a line break or the end
    (if (i32.lt_u (local.get $i) (local.get $n))
      (then (if (i32.and (i32.ne (local.get $c) (i32.const 44)) (i32.ne (local.get $c) (i32.const 10))) (then (return (i32.const 0))))))
    (global.set $end (local.get $i))
    (if (i32.eq (local.get $i) (local.get $a))
      (then (global.set $value (f64.const -1)) (return (i32.const 1))))
    ;; more digits than a double holds exactly, or a power of ten that is no exact double: the host's Number()
    (if (i32.or (i32.or (local.get $long) (i64.ge_u (local.get $m) (i64.const 9007199254740992))) (i32.gt_u (local.get $decimals) (i32.const 22)))
      (then (return (i32.const 0))))
    (global.set $value
      (if (result f64) (local.get $decimals)
        (then (f64.div (f64.convert_i64_u (local.get $m)) (f64.load (i32.add (i32.const 96) (i32.shl (local.get $decimals) (i32.const 3))))))
        (else (f64.convert_i64_u (local.get $m)))))
    (i32.const 1))

  ;; Rows `YYYY-MM-DD,close[,adj]` from $p to $n into the columns at $days (i32), $close and $adj (f64), at most $cap:
  ;; the number of rows kept; -1: a row the host must read (the full reader's turn); -2: a row laid out otherwise
  (func (export "rows") (param $p i32) (param $n i32) (param $three i32) (param $days i32) (param $close i32) (param $adj i32) (param $cap i32) (result i32)
    (local $count i32) (local $key i64) (local $month i64) (local $first i32) (local $length i32)
    (local $d1 i32) (local $d2 i32) (local $dd i32) (local $day i32) (local $previous i32)
    (local $y i32) (local $m i32) (local $c f64) (local $a f64)
    (global.set $skipped (i32.const 0))
    (local.set $month (i64.const -1))
    (local.set $previous (i32.const -2147483648))
    (block $out
      (loop $row
        (br_if $out (i32.ge_u (local.get $p) (local.get $n)))
        (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 10))
          (then (local.set $p (i32.add (local.get $p) (i32.const 1))) (br $row)))
        (if (i32.ge_u (i32.add (local.get $p) (i32.const 10)) (local.get $n)) (then (return (i32.const -2))))
        (if (i32.ne (i32.load8_u (i32.add (local.get $p) (i32.const 10))) (i32.const 44)) (then (return (i32.const -2))))
        (local.set $d1 (i32.sub (i32.load8_u (i32.add (local.get $p) (i32.const 8))) (i32.const 48)))
        (local.set $d2 (i32.sub (i32.load8_u (i32.add (local.get $p) (i32.const 9))) (i32.const 48)))
        (if (i32.or (i32.gt_u (local.get $d1) (i32.const 9)) (i32.gt_u (local.get $d2) (i32.const 9))) (then (return (i32.const -1))))
        (local.set $dd (i32.add (i32.mul (local.get $d1) (i32.const 10)) (local.get $d2)))
        (local.set $key (i64.load (local.get $p)))
        (if (i64.eq (local.get $key) (local.get $month))
          (then
            (if (i32.or (i32.lt_u (local.get $dd) (i32.const 1)) (i32.gt_u (local.get $dd) (local.get $length))) (then (return (i32.const -1))))
            (local.set $day (i32.sub (i32.add (local.get $first) (local.get $dd)) (i32.const 1))))
          (else
            (if (i32.or (i32.ne (i32.load8_u (i32.add (local.get $p) (i32.const 4))) (i32.const 45)) (i32.ne (i32.load8_u (i32.add (local.get $p) (i32.const 7))) (i32.const 45)))
              (then (return (i32.const -1))))
            (if (i32.eqz
                  (i32.and
                    (i32.and (call $isDigit (i32.load8_u (local.get $p))) (call $isDigit (i32.load8_u (i32.add (local.get $p) (i32.const 1)))))
                    (i32.and
                      (i32.and (call $isDigit (i32.load8_u (i32.add (local.get $p) (i32.const 2)))) (call $isDigit (i32.load8_u (i32.add (local.get $p) (i32.const 3)))))
                      (i32.and (call $isDigit (i32.load8_u (i32.add (local.get $p) (i32.const 5)))) (call $isDigit (i32.load8_u (i32.add (local.get $p) (i32.const 6))))))))
              (then (return (i32.const -1))))
            (local.set $y
              (i32.add
                (i32.add
                  (i32.mul (i32.sub (i32.load8_u (local.get $p)) (i32.const 48)) (i32.const 1000))
                  (i32.mul (i32.sub (i32.load8_u (i32.add (local.get $p) (i32.const 1))) (i32.const 48)) (i32.const 100)))
                (i32.add
                  (i32.mul (i32.sub (i32.load8_u (i32.add (local.get $p) (i32.const 2))) (i32.const 48)) (i32.const 10))
                  (i32.sub (i32.load8_u (i32.add (local.get $p) (i32.const 3))) (i32.const 48)))))
            (local.set $m
              (i32.add
                (i32.mul (i32.sub (i32.load8_u (i32.add (local.get $p) (i32.const 5))) (i32.const 48)) (i32.const 10))
                (i32.sub (i32.load8_u (i32.add (local.get $p) (i32.const 6))) (i32.const 48))))
            ;; year 0000 (its January and February fall in year -1) is left to the host
            (if (i32.or (i32.eqz (local.get $y)) (i32.or (i32.lt_u (local.get $m) (i32.const 1)) (i32.gt_u (local.get $m) (i32.const 12)))) (then (return (i32.const -1))))
            (local.set $length (call $daysInMonth (local.get $y) (local.get $m)))
            (if (i32.or (i32.lt_u (local.get $dd) (i32.const 1)) (i32.gt_u (local.get $dd) (local.get $length))) (then (return (i32.const -1))))
            (local.set $day (call $civil (local.get $y) (local.get $m) (local.get $dd)))
            (local.set $first (i32.add (i32.sub (local.get $day) (local.get $dd)) (i32.const 1)))
            (local.set $month (local.get $key))))
        (if (i32.eqz (call $number (i32.add (local.get $p) (i32.const 11)) (local.get $n))) (then (return (i32.const -1))))
        (local.set $c (global.get $value))
        (local.set $a (local.get $c))
        (if (local.get $three)
          (then
            (if (i32.ge_u (global.get $end) (local.get $n)) (then (return (i32.const -1))))
            (if (i32.ne (i32.load8_u (global.get $end)) (i32.const 44)) (then (return (i32.const -1))))
            (if (i32.eqz (call $number (i32.add (global.get $end) (i32.const 1)) (local.get $n))) (then (return (i32.const -1))))
            (local.set $a (global.get $value))))
        ;; more cells than the header
        (if (i32.lt_u (global.get $end) (local.get $n))
          (then (if (i32.ne (i32.load8_u (global.get $end)) (i32.const 10)) (then (return (i32.const -1))))))
        (local.set $p (i32.add (global.get $end) (i32.const 1)))
        ;; dates out of order or repeated: the full reader sorts, or names the line
        (if (i32.le_s (local.get $day) (local.get $previous)) (then (return (i32.const -1))))
        (local.set $previous (local.get $day))
        (if (i32.and (f64.gt (local.get $c) (f64.const 0)) (f64.gt (local.get $a) (f64.const 0)))
          (then
            (if (i32.ge_u (local.get $count) (local.get $cap)) (then (return (i32.const -1))))
            (i32.store (i32.add (local.get $days) (i32.shl (local.get $count) (i32.const 2))) (local.get $day))
            (f64.store (i32.add (local.get $close) (i32.shl (local.get $count) (i32.const 3))) (local.get $c))
            (f64.store (i32.add (local.get $adj) (i32.shl (local.get $count) (i32.const 3))) (local.get $a))
            (local.set $count (i32.add (local.get $count) (i32.const 1))))
          (else
            (if (i32.eqz (global.get $skipped)) (then (global.set $skip0 (local.get $day))))
            (if (i32.eq (global.get $skipped) (i32.const 1)) (then (global.set $skip1 (local.get $day))))
            (if (i32.eq (global.get $skipped) (i32.const 2)) (then (global.set $skip2 (local.get $day))))
            (global.set $skipped (i32.add (global.get $skipped) (i32.const 1)))))
        (br $row)))
    (local.get $count))
)
