import { defineConfig } from 'wxt';

// See README "Permissions" for why each one is needed.
export default defineConfig({
  manifest: {
    name: 'Fitroom',
    description: 'Try a garment from any online store on your own photo. Computed on your device; your photo never leaves the browser.',
    permissions: ['storage', 'offscreen', 'contextMenus', 'unlimitedStorage'],
    host_permissions: ['<all_urls>'],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
});
