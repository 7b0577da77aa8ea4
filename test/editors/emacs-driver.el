;;; emacs-driver.el --- drive Emacs and Eglot as a user would  -*- lexical-binding: t -*-

;; Loads the elisp snippet of docs/editors.md as the user's init, opens the broken config,
;; waits for Flymake to show the server's diagnostics, asks ElDoc's hover and
;; completion-at-point, and writes what Emacs shows as JSON to $TSK_RESULT.
;; Run by test/editors/emacs.test.ts:  emacs --batch -l emacs-driver.el
;;
;; Batch mode skips what an interactive Emacs does before it reads the init file: activate the
;; installed packages (`package-activate-all', which defines Eglot's autoloads). The driver
;; does that first. Batch mode has no command loop either, so the driver does what that loop
;; would do for a user: run `post-command-hook' after opening the file (where `eglot-ensure'
;; connects) and, while waiting, the idle timers (where Eglot sends edits and Flymake starts
;; checks). The buffer is in the batch frame's window, so Flymake and ElDoc treat it as displayed.

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(defvar tsk-test--result nil "What Emacs showed: an alist, written as a JSON object.")
(defconst tsk-test--wait 30 "Seconds to wait for anything: a guard against a hang, not a measure.")

(defun tsk-test--put (key value)
  (setf (alist-get key tsk-test--result) value))

(defun tsk-test--idle ()
  "One turn of the command loop with the user idle."
  (run-hooks 'post-command-hook)
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))

(defun tsk-test--wait-until (predicate)
  "Waits (with the guard) until PREDICATE holds; returns whether it does."
  (let ((deadline (+ (float-time) tsk-test--wait)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.02)
      (tsk-test--idle))
    (funcall predicate)))

(defun tsk-test--diagnostics ()
  "Flymake's diagnostics in the current buffer, as `flymake-show-buffer-diagnostics' lists them."
  (vconcat
   (mapcar (lambda (d)
             `((line . ,(1- (line-number-at-pos (flymake-diagnostic-beg d))))
               (severity . ,(pcase (flymake--lookup-type-property (flymake-diagnostic-type d) 'flymake-category)
                              ('flymake-error "error") ('flymake-warning "warning") (_ "note")))
               (text . ,(flymake-diagnostic-text d))))
           (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))))

(defun tsk-test--keys (diagnostics)
  "DIAGNOSTICS as sorted `line:severity:code', the code read from Eglot's \"tsk [code]: message\"."
  (string-join
   (sort (mapcar (lambda (d)
                   (let ((text (alist-get 'text d)))
                     (format "%d:%s:%s" (alist-get 'line d) (alist-get 'severity d)
                             (if (string-match "\\`[^ ]* \\[\\([^]]+\\)\\]" text) (match-string 1 text) "?"))))
                 diagnostics)
         #'string<)
   " "))

(defun tsk-test--wait-for-diagnostics (expected)
  "Waits until Flymake shows EXPECTED (sorted `line:severity:code'); notes it when in vain."
  (unless (tsk-test--wait-until (lambda () (equal (tsk-test--keys (tsk-test--diagnostics)) expected)))
    (tsk-test--put 'waits (vconcat (alist-get 'waits tsk-test--result)
                                   (list (format "waited %d s in vain for the diagnostics [%s]" tsk-test--wait expected))))))

(defun tsk-test--goto-line (line)
  (goto-char (point-min))
  (forward-line line))

(defun tsk-test--run ()
  (package-activate-all)
  (load (getenv "TSK_SNIPPET") nil t)
  (find-file (getenv "TSK_FILE"))
  (tsk-test--put 'major-mode (symbol-name major-mode))
  (tsk-test--put 'comment-start comment-start)
  ;; The first line is a `#' comment: is its end inside a comment for the syntax table?
  (tsk-test--put 'first-line-is-comment
                 (if (save-excursion (goto-char (point-min)) (nth 4 (syntax-ppss (line-end-position)))) t :json-false))
  (tsk-test--idle)
  (unless (tsk-test--wait-until (lambda () (bound-and-true-p eglot--managed-mode)))
    (error "Eglot did not manage the buffer within %d s" tsk-test--wait))
  (tsk-test--put 'server-program (string-join (process-command (jsonrpc--process (eglot-current-server))) " "))
  (tsk-test--wait-for-diagnostics (getenv "TSK_EXPECTED"))
  (tsk-test--put 'diagnostics (tsk-test--diagnostics))

  ;; Hover: ElDoc asks Eglot's function with point on the key, and shows what it calls back with.
  (let ((line (string-to-number (getenv "TSK_PROVIDER_LINE")))
        (prefix (getenv "TSK_PROVIDER_KEY"))
        hover)
    (tsk-test--goto-line line)
    (search-forward "provider")
    (backward-char 2)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
    (unless (tsk-test--wait-until (lambda () hover))
      (error "No hover within %d s" tsk-test--wait))
    (tsk-test--put 'hover (substring-no-properties hover))

    ;; Completion: the user clears the misspelt value and types C-M-i on the empty value.
    (tsk-test--goto-line line)
    (delete-region (+ (point) (length prefix)) (line-end-position))
    (end-of-line)
    (let* ((capf (run-hook-with-args-until-success 'completion-at-point-functions))
           (start (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
           (candidates (all-completions (buffer-substring start end) table))
           (chosen (cl-find "\"consul\"" candidates :test #'string=)))
      (tsk-test--put 'completion (vconcat (mapcar #'substring-no-properties candidates)))
      (when chosen
        ;; What completion-at-point does with the chosen candidate: replace, then the exit function.
        (delete-region start end)
        (goto-char start)
        (insert chosen)
        (funcall (plist-get (nthcdr 3 capf) :exit-function) chosen 'finished)
        (tsk-test--put 'line-after-completion
                       (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
        (tsk-test--wait-for-diagnostics (getenv "TSK_EXPECTED_AFTER_COMPLETION"))
        (tsk-test--put 'diagnostics-after-completion (tsk-test--diagnostics))))))

(defun tsk-test--server-stderr ()
  "What the server wrote to its standard error, which Eglot keeps in a buffer."
  (string-join (cl-loop for b in (buffer-list)
                        when (string-match-p "EGLOT.*stderr" (buffer-name b))
                        collect (with-current-buffer b (buffer-substring-no-properties (point-min) (point-max))))
               ""))

(condition-case err
    (tsk-test--run)
  (error (tsk-test--put 'error (error-message-string err))))
(tsk-test--put 'server-stderr (tsk-test--server-stderr))
(tsk-test--put 'warnings (if (get-buffer "*Warnings*")
                             (with-current-buffer "*Warnings*" (buffer-substring-no-properties (point-min) (point-max)))
                           ""))
(with-temp-file (getenv "TSK_RESULT")
  (insert (json-encode tsk-test--result)))
(kill-emacs 0)
