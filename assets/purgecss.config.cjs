// The portal ships only the Bootstrap rules its pages use: `make css` reads every template,
// every Python file that names classes and the static JS, and keeps the rules they mention.
// CRISPY_TEMPLATES is crispy-bootstrap5's template folder (the Makefile finds it).
const crispy = process.env.CRISPY_TEMPLATES;
if (!crispy) {
  throw new Error("Set CRISPY_TEMPLATES (run `make css`).");
}

module.exports = {
  content: [
    "../templates/**/*.html",
    "../*/templates/**/*.html",
    "../*/*.py",
    "../*/templatetags/*.py",
    "../static/js/*.js",
    `${crispy}/**/*.html`,
  ],
  css: ["bootstrap/bootstrap.min.css"],
  output: "../static/vendor/bootstrap/bootstrap.portal.min.css",
  // Classes written by Bootstrap's collapse script or pieced together in templates.
  safelist: {
    standard: ["show", "collapse", "collapsing", "active", "disabled", "is-invalid", "is-valid", "was-validated"],
    greedy: [/^alert-(primary|secondary|success|danger|warning|info|light|dark)$/, /^text-bg-/, /^btn-(outline-)?(primary|secondary|success|danger|warning|info|light|dark|link)$/, /^table-(warning|light|danger|success)$/],
  },
  fontFace: false,
  keyframes: true,
  variables: false,
};
