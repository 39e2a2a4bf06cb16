/**
 * The portal's pages: the address the backend serves each at, the file Vite builds it to (from the
 * HTML file of the same name in src/pages), and its name in the top bar.
 */
export const PORTAL_PAGES: readonly { readonly href: string; readonly file: string; readonly name: string }[] = [
  { href: '/', file: 'index.html', name: 'Dashboard' },
  { href: '/customers', file: 'customers.html', name: 'Customers' },
  { href: '/react', file: 'react.html', name: 'Dashboard (React)' },
];
