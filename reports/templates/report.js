// Clicking a legend entry toggles that series in its chart. Everything stays readable without it.
document.querySelectorAll('svg.chart .legend-item').forEach(function (item) {
  item.addEventListener('click', function () {
    var svg = item.closest('svg');
    var key = item.getAttribute('data-series');
    var off = !item.classList.contains('off');
    item.classList.toggle('off', off);
    svg.querySelectorAll('[data-series="' + key + '"]').forEach(function (el) {
      if (el !== item) el.classList.toggle('off', off);
    });
  });
});
