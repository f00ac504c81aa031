// The reader's time zone, for event times ("Your time"): the browser knows it; the server checks the name.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("kollega_tz=" + encodeURIComponent(zone)) === -1) {
      document.cookie = "kollega_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
    }
  } catch (e) {
    /* no Intl: times stay in each event's own zone */
  }
})();
