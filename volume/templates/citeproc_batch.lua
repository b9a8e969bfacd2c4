-- volume's batch of citeproc runs in one pandoc process (volume/pandoc.py, render_note_citations_batch): the
-- metadata field volume-jobs names a JSON file of jobs {source, bibliography, csl}; each job's Markdown is read,
-- its citations processed by citeproc on its own (so each keeps its own first, subsequent and ibid positions) and
-- written as HTML as `pandoc --citeproc --wrap=none -t html5` writes it; the document becomes one raw block, the
-- JSON list of the jobs' HTML.
function Pandoc(doc)
  local path = pandoc.utils.stringify(doc.meta["volume-jobs"])
  local file = assert(io.open(path, "r"))
  local jobs = pandoc.json.decode(file:read("a"), false)
  file:close()
  local out = {}
  for i, job in ipairs(jobs) do
    local one = pandoc.read(job.source, "markdown")
    one.meta.csl = job.csl
    one.meta.bibliography = job.bibliography
    one = pandoc.utils.citeproc(one)
    out[i] = pandoc.write(one, "html5", {wrap_text = "wrap-none"})
  end
  return pandoc.Pandoc({pandoc.RawBlock("html", pandoc.json.encode(out))})
end
