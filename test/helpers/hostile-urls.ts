/** Hrefs that browsers turn into script or into a non-web scheme (the first three are the reported bypasses). */
export const HOSTILE_URLS = [
  'java\tscript:alert(1)',
  'javascript\n:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript:alert(1)',
  ' JavaScript:alert(1)',
  'java\rscript:alert(1)',
  '\u0000javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'mailto:someone@example.org',
  '//evil.example/x',
  '\\\\evil.example\\x',
  '/\\evil.example',
];
