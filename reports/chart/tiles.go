package chart

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// Tiles writes a grid of tiles, rows down and columns across, coloured by
// value on ColorBrewer Blues (dark = high) with a colour bar labelled by
// Options.XLabel (default "count"), the value written in each tile when
// every value fits and a tooltip per tile: Rates' tile form for any
// table, such as a confusion matrix (true labels down, predicted across).
// values[c][r] is the value of row r, column c. It returns an error for no
// rows or columns, a ragged table or a value that is not finite.
func Tiles(w io.Writer, rows, cols []string, values [][]float64, opt Options) error {
	f, err := tilesFigure(rows, cols, values, opt)
	if err != nil {
		return err
	}
	return f.writeSVG(w)
}

func tilesFigure(rows, cols []string, values [][]float64, opt Options) (figure, error) {
	if len(rows) == 0 || len(cols) == 0 {
		return figure{}, errors.New("tiles: no rows or no columns")
	}
	if len(values) != len(cols) {
		return figure{}, fmt.Errorf("tiles: %d columns of values for %d columns", len(values), len(cols))
	}
	for c, col := range values {
		if len(col) != len(rows) {
			return figure{}, fmt.Errorf("tiles: column %q has %d values for %d rows", cols[c], len(col), len(rows))
		}
		for _, v := range col {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return figure{}, fmt.Errorf("tiles: column %q has value %v", cols[c], v)
			}
		}
	}
	opt.XLabel = orDefault(opt.XLabel, "count")
	return rateTilesFigure(rows, cols, values, opt, countValue), nil
}

// countValue writes a whole number without decimals, others as tileValue.
func countValue(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return tileValue(v)
}
