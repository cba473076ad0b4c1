// Building dist/ lives with the scripts (which never import tests); tests use the same code.
export { ROOT, buildSite } from '../../scripts/lib/site';
