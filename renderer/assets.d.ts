// Vite bundles imported stylesheets; the compiler only needs to know such imports exist.
declare module '*.css';
