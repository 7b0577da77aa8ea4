;;; emacs-old-node-driver.el --- what Emacs and Eglot show when node is older than 22  -*- lexical-binding: t -*-

;; Loads the elisp snippet of docs/editors.md, opens a .tsk file with a `node' older than 22
;; first on PATH, and writes to $TSK_RESULT what the user sees: Eglot's error, and the
;; `[stderr]' lines of the events buffer, where the server says why it stopped.
;; Run by test/editors/emacs.test.ts:  emacs --batch -l emacs-old-node-driver.el

(require 'json)
(require 'subr-x)

(package-activate-all)
(load (getenv "TSK_SNIPPET") nil t)
(find-file (getenv "TSK_FILE"))
(let ((error-shown ""))
  ;; What the command loop does after opening the file: `eglot-ensure' connects there, and the
  ;; error it signals is what the echo area shows.
  (condition-case err
      (run-hooks 'post-command-hook)
    (error (setq error-shown (error-message-string err))))
  (let ((stderr (string-join
                 (cl-loop for b in (buffer-list)
                          when (string-match-p "EGLOT.*events" (buffer-name b))
                          append (with-current-buffer b
                                   (cl-remove-if-not (lambda (l) (string-prefix-p "[stderr]" l))
                                                     (split-string (buffer-string) "\n"))))
                 "\n")))
    (with-temp-file (getenv "TSK_RESULT")
      (insert (json-encode `((error . ,error-shown) (stderr . ,stderr)))))))
(kill-emacs 0)
