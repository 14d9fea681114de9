package analysis

import "testing"

// TestDefinitionsCoverMeasures: every measure is defined once, in order.
func TestDefinitionsCoverMeasures(t *testing.T) {
	defs := Definitions()
	ms := Measures()
	if len(defs) != len(ms) {
		t.Fatalf("%d definitions for %d measures", len(defs), len(ms))
	}
	for i, m := range ms {
		if defs[i].Measure != m || defs[i].Name == "" || defs[i].Formula == "" || defs[i].Source == "" {
			t.Errorf("definition %d = %+v, want a full definition of %s", i, defs[i], m)
		}
	}
}
