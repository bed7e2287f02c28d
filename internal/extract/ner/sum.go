package ner

// The tagger spends most of its time summing weight rows. These sums keep
// the running totals in local variables (in registers) across the rows of a
// token, one statement per tag, since the compiler neither unrolls loops
// nor keeps array elements in registers. They add in the same order as a
// loop over the rows would, e[k] += row[k], so the totals are the same to
// the last bit. They are written for 17 tags (four entity types in BILOU):
// the two declarations below stop the build if numTags changes.
var (
	_ [numTags - 17]struct{}
	_ [17 - numTags]struct{}
)

// sumRows adds to e, for each row r of rows in order, the numTags weights
// that start at w[r*stride+off].
func sumRows(e *[numTags]float32, w []float32, rows []int32, stride, off int) {
	a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16 := e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], e[10], e[11], e[12], e[13], e[14], e[15], e[16]
	for _, r := range rows {
		row := (*[numTags]float32)(w[int(r)*stride+off:])
		a0 += row[0]
		a1 += row[1]
		a2 += row[2]
		a3 += row[3]
		a4 += row[4]
		a5 += row[5]
		a6 += row[6]
		a7 += row[7]
		a8 += row[8]
		a9 += row[9]
		a10 += row[10]
		a11 += row[11]
		a12 += row[12]
		a13 += row[13]
		a14 += row[14]
		a15 += row[15]
		a16 += row[16]
	}
	e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], e[10], e[11], e[12], e[13], e[14], e[15], e[16] = a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16
}
