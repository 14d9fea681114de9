// Package seeds embeds stylometer's default corpus: five essays on Lenin and
// the Russian Revolution written from five political stances (the Indian
// CPI(M), two Trotskyist currents, the UK SWP and a critical libertarian-left
// essay), their metadata and their configuration.
//
// The package exposes an fs.FS and nothing else; reading and analysing the
// texts is the pipeline's job.
package seeds
