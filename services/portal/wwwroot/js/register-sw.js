// Installable web app: registers the service worker that shows the offline page when the network is gone.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => { /* the portal works without it */ });
}
