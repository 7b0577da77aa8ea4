-- Drives a headless Neovim as a user would: loads the Lua snippet of docs/editors.md as its
-- config, opens the broken config, waits for the diagnostics, hovers the provider key, and
-- completes its value. What Neovim shows is written as JSON to $TSK_RESULT.
-- Run by test/editors/neovim.test.ts:  nvim --headless --clean -c "luafile neovim-driver.lua"
-- Nothing of the snippet is bridged or changed: Neovim runs it as a user's init.lua would.

local result = {}
local WAIT_MS = 30000 -- a guard against a hang, not a measure

local function finish()
  local f = assert(io.open(os.getenv("TSK_RESULT"), "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qall!")
end

local function wait_for(what, condition)
  if not vim.wait(WAIT_MS, condition, 20) then
    error("waited " .. WAIT_MS / 1000 .. " s for " .. what .. " in vain")
  end
end

local SEVERITY = { "error", "warning", "info", "hint" }

-- The diagnostics as a user sees them (the signs, virtual text and location list read these).
local function seen_diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, { line = d.lnum, severity = SEVERITY[d.severity], code = d.code, message = d.message, source = d.source })
  end
  return out
end

-- Waits (with a guard) until the diagnostics shown are the expected ones (`line:severity:code`, sorted, space-separated).
local function wait_for_diagnostics(buf, expected)
  local shown = ""
  local ok = vim.wait(WAIT_MS, function()
    local keys = {}
    for _, d in ipairs(seen_diagnostics(buf)) do table.insert(keys, d.line .. ":" .. d.severity .. ":" .. tostring(d.code)) end
    table.sort(keys)
    shown = table.concat(keys, " ")
    return shown == expected
  end, 20)
  if not ok then
    -- Not fatal: the test shows what Neovim shows, and the other steps still run.
    result.waits = result.waits or {}
    table.insert(result.waits, "waited " .. WAIT_MS / 1000 .. " s in vain for the diagnostics [" .. expected .. "]")
  end
end

local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, WAIT_MS)
  if not responses then error(method .. ": " .. tostring(err)) end
  for _, response in pairs(responses) do
    if response.err then error(method .. ": " .. vim.inspect(response.err)) end
    return response.result
  end
  error(method .. ": no server answered")
end

local function run()
  result.version = tostring(vim.version().major) .. "." .. vim.version().minor .. "." .. vim.version().patch
  dofile(os.getenv("TSK_SNIPPET"))
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("TSK_FILE")))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  result.commentstring = vim.bo[buf].commentstring
  result.omnifunc = vim.bo[buf].omnifunc

  wait_for("the server to attach", function() return #vim.lsp.buf_get_clients(buf) > 0 end)
  wait_for_diagnostics(buf, os.getenv("TSK_EXPECTED"))
  result.diagnostics = seen_diagnostics(buf)

  -- K on the key: the hover window shows these lines.
  local line = tonumber(os.getenv("TSK_PROVIDER_LINE"))
  local key_col = vim.api.nvim_buf_get_lines(buf, line, line + 1, true)[1]:find("provider") - 1
  vim.api.nvim_win_set_cursor(0, { line + 1, key_col })
  local hover = request(buf, "textDocument/hover", vim.lsp.util.make_position_params())
  result.hover = hover and table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), "\n") or vim.NIL

  -- The user clears the misspelt value and asks for completion (<C-x><C-o>) on the empty value.
  local prefix = os.getenv("TSK_PROVIDER_KEY")
  vim.api.nvim_buf_set_lines(buf, line, line + 1, true, { prefix })
  local completion = request(buf, "textDocument/completion", {
    textDocument = vim.lsp.util.make_text_document_params(),
    position = { line = line, character = #prefix },
  })
  -- The menu lists these items: the omnifunc converts the answer with this function, and
  -- inserts an item's `word` at the cursor when it is chosen.
  local items = vim.lsp.util.text_document_completion_list_to_complete_items(completion or {}, "")
  result.completion = {}
  for _, item in ipairs(items) do table.insert(result.completion, item.word) end
  local chosen = nil
  for _, item in ipairs(items) do
    if item.word == '"consul"' then chosen = item end
  end
  if chosen == nil then return end -- the test reports the missing item
  vim.api.nvim_buf_set_text(buf, line, #prefix, line, #prefix, { chosen.word })
  result.line_after_completion = vim.api.nvim_buf_get_lines(buf, line, line + 1, true)[1]

  -- The edit reaches the server, which publishes new diagnostics: the warning on the line is gone.
  wait_for_diagnostics(buf, os.getenv("TSK_EXPECTED_AFTER_COMPLETION"))
  result.diagnostics_after_completion = seen_diagnostics(buf)
end

local ok, err = xpcall(run, debug.traceback)
-- Warnings and errors of the LSP client (the server's stderr among them), as :LspLog shows them.
result.log_problems = {}
local log = io.open(vim.lsp.get_log_path(), "r")
if log then
  for entry in log:lines() do
    if entry:match("^%[WARN%]") or entry:match("^%[ERROR%]") then table.insert(result.log_problems, entry) end
  end
  log:close()
end
if not ok then
  result.error = err
  if result.diagnostics == nil then
    local buf = vim.api.nvim_get_current_buf()
    result.diagnostics_so_far = seen_diagnostics(buf)
  end
end
finish()
