package model

// OpsPerFile is the most operations one generated file holds. Formatting a
// file parses it whole, so a file's peak memory grows with its size: with
// every request of a large collection in one file (all at the root, or in
// one folder) the run held that file's tree, source and formatted bytes at
// once, and under the command's memory limit the collector ran without
// pause (issue 14: 5,000 requests at the root took several times the time
// of the same requests in 50 folders). Cutting files at this size keeps
// the cost per request the same wherever the requests sit; no service of
// a hand-written collection seen so far comes near it.
const OpsPerFile = 250

// FileCount is the number of files n operations take: one, however few.
func FileCount(n int) int {
	return max(1, (n+OpsPerFile-1)/OpsPerFile)
}
