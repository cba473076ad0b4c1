// Building and serving dist/ lives with the scripts (which never import tests); tests use the same code.
export { ROOT, serveDist, buildSite, type Served } from '../../scripts/lib/site';
