/*
 * ML Core dashboard charts. Every element with a data-chart attribute holds its data as JSON (written by the
 * server): {"x_type": "date"|"category"|"value", "x": [...], "currency": "EUR", "series": [{"name", "type": "bar"|"line",
 * "axis": 0|1, "format": "money"|"count"|"multiple"|"percent", "values": [...]}]}. Numbers and dates are written in
 * the page's language (<html lang>). Rendered as SVG with Apache ECharts (served from the jar).
 */
(function () {
    'use strict';
    var lang = document.documentElement.lang || 'en';
    var colours = ['#1d4ed8', '#c2410c', '#047857', '#7c3aed'];
    var dayFormat = new Intl.DateTimeFormat(lang, {month: 'short', day: 'numeric', timeZone: 'UTC'});

    function formatter(format, currency, compact) {
        var options;
        if (format === 'money' && currency) {
            options = {style: 'currency', currency: currency, maximumFractionDigits: compact ? 0 : 2};
        } else if (format === 'percent') {
            options = {style: 'percent', maximumFractionDigits: 2};
        } else {
            options = {maximumFractionDigits: format === 'count' ? 1 : 2};
        }
        var number = new Intl.NumberFormat(lang, options);
        return function (value) {
            if (value === null || value === undefined) {
                return '–';
            }
            return number.format(value) + (format === 'multiple' ? '×' : '');
        };
    }

    function escape(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
        });
    }

    function label(data, value) {
        return data.x_type === 'date' ? dayFormat.format(new Date(value + 'T00:00:00Z')) : value;
    }

    // a curve over a numeric x axis (a daily budget): "x_type": "value", each series with "points": [[x, y], ...]
    function renderCurve(element, data) {
        var money = formatter('money', data.currency, false);
        var chart = echarts.init(element, null, {renderer: 'svg'});
        chart.setOption({
            animation: false,
            color: ['#1d4ed8', '#4b5563', '#c2410c'],
            grid: {left: 8, right: 16, top: 36, bottom: 24, containLabel: true},
            legend: {top: 0, textStyle: {color: '#1b1f24'}},
            tooltip: {
                trigger: 'item',
                formatter: function (p) {
                    var s = data.series[p.seriesIndex];
                    return p.marker + ' ' + escape(s.name) + '<br>' + escape(money(p.value[0])) + ': '
                        + escape(formatter(s.format, data.currency, false)(p.value[1]));
                }
            },
            xAxis: {
                type: 'value',
                name: element.getAttribute('data-x-name') || '',
                nameLocation: 'middle',
                nameGap: 24,
                nameTextStyle: {color: '#4b5563'},
                axisLabel: {color: '#4b5563', formatter: formatter('money', data.currency, true)}
            },
            yAxis: {
                type: 'value',
                axisLabel: {color: '#4b5563', formatter: formatter('count', data.currency, true)}
            },
            series: data.series.map(function (s) {
                return {
                    name: s.name,
                    type: s.type,
                    data: s.points,
                    showSymbol: false,
                    symbol: s.type === 'scatter' ? (s === data.series[1] ? 'circle' : 'diamond') : 'none',
                    symbolSize: 12,
                    z: s.type === 'scatter' ? 3 : 2
                };
            })
        });
        window.addEventListener('resize', function () { chart.resize(); });
        element.setAttribute('data-rendered', 'true');
    }

    // the sentence a marker's tooltip shows: the ad set (none for the account total), the reason and, when known,
    // the expected value with its interval
    function markText(m, s, data, expectedLabel) {
        var text = (m.adset ? m.adset + ': ' : '') + m.reason;
        if (m.expected !== undefined && expectedLabel) {
            var f = formatter(s.format, data.currency, false);
            text += ' — ' + expectedLabel + ' ' + f(m.expected) + ' [' + f(m.lo) + ', ' + f(m.hi) + ']';
        }
        return text;
    }

    // anomaly markers (markPoint on the flagged day, tooltip = the reason) and, for the account total's own metric,
    // the expected value (diamond) with its interval (error bar, markLine from lo to hi)
    function addMarks(series, s, data, expectedLabel) {
        var points = [];
        var bars = [];
        s.marks.forEach(function (m) {
            var y = s.values[m.index];
            points.push({
                name: m.metric,
                coord: [m.index, y === null || y === undefined ? 0 : y],
                value: '!',
                reason: markText(m, s, data, expectedLabel),
                date: data.x[m.index],
                metric: m.metric,
                kind: m.kind
            });
            if (m.expected !== undefined) {
                points.push({
                    name: 'expected',
                    coord: [m.index, m.expected],
                    symbol: 'diamond',
                    symbolSize: 10,
                    label: {show: false},
                    itemStyle: {color: '#4b5563'},
                    reason: markText(m, s, data, expectedLabel),
                    date: data.x[m.index],
                    metric: m.metric,
                    kind: 'expected'
                });
                bars.push([{coord: [m.index, m.lo]}, {coord: [m.index, m.hi]}]);
            }
        });
        series.markPoint = {
            symbol: 'pin',
            symbolSize: 34,
            itemStyle: {color: '#b91c1c'},
            label: {color: '#ffffff', fontWeight: 'bold'},
            tooltip: {
                trigger: 'item',
                formatter: function (p) {
                    return escape(label(data, p.data.date)) + '<br>' + escape(p.data.reason);
                }
            },
            data: points
        };
        if (bars.length) {
            series.markLine = {
                symbol: ['none', 'none'],
                silent: true,
                label: {show: false},
                lineStyle: {color: '#4b5563', width: 3, type: 'solid'},
                data: bars
            };
        }
    }

    function render(element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        if (data.x_type === 'value') {
            renderCurve(element, data);
            return;
        }
        // days run along the x axis; named categories (ad sets) are horizontal bars, so long names stay readable
        var horizontal = data.x_type === 'category';
        var axes = [0, 1].filter(function (axis) {
            return data.series.some(function (s) { return s.axis === axis; });
        });
        var valueAxes = axes.map(function (axis) {
            var first = data.series.filter(function (s) { return s.axis === axis; })[0];
            return {
                type: 'value',
                position: horizontal ? (axis === 0 ? 'bottom' : 'top') : (axis === 0 ? 'left' : 'right'),
                splitLine: {show: axis === 0},
                axisLabel: {color: '#4b5563', formatter: formatter(first.format, data.currency, true)}
            };
        });
        var categoryAxis = {
            type: 'category',
            inverse: horizontal,
            data: data.x.map(function (x) { return label(data, x); }),
            axisLabel: horizontal
                ? {color: '#1b1f24', width: 160, overflow: 'truncate'}
                : {color: '#4b5563', hideOverlap: true}
        };
        var chart = echarts.init(element, null, {renderer: 'svg'});
        chart.setOption({
            animation: false,
            color: colours,
            grid: {left: 8, right: 16, top: 36, bottom: 8, containLabel: true},
            legend: {top: 0, textStyle: {color: '#1b1f24'}},
            tooltip: {
                trigger: 'axis',
                axisPointer: {type: horizontal ? 'shadow' : 'line'},
                formatter: function (points) {
                    // the tooltip is HTML: ad-set names come from imported files, so everything is escaped
                    var lines = [escape(label(data, data.x[points[0].dataIndex]))];
                    points.forEach(function (p) {
                        var s = data.series[p.seriesIndex];
                        lines.push(p.marker + ' ' + escape(s.name) + ': '
                            + escape(formatter(s.format, data.currency, false)(p.value)));
                        (s.marks || []).forEach(function (m) {
                            if (m.index === p.dataIndex) {
                                lines.push('⚠ ' + escape(markText(m, s, data, '')));
                            }
                        });
                    });
                    return lines.join('<br>');
                }
            },
            xAxis: horizontal ? valueAxes : categoryAxis,
            yAxis: horizontal ? categoryAxis : valueAxes,
            series: data.series.map(function (s) {
                var series = {
                    name: s.name,
                    type: s.type,
                    data: s.values,
                    connectNulls: data.x_type === 'version',
                    showSymbol: s.type === 'line' && data.x.length <= 31,
                    barMaxWidth: 28
                };
                series[horizontal ? 'xAxisIndex' : 'yAxisIndex'] = axes.indexOf(s.axis);
                if (s.marks && !horizontal) {
                    addMarks(series, s, data, element.getAttribute('data-expected-label') || '');
                }
                return series;
            })
        });
        window.addEventListener('resize', function () { chart.resize(); });
        element.setAttribute('data-rendered', 'true');
    }

    // CSV import: the form posts as usual without script; with it, the upload's progress is shown, then that the
    // server imports (one synchronous request), then the report page it redirects to is opened.
    function upload(form) {
        form.addEventListener('submit', function (event) {
            if (!window.FormData || !window.XMLHttpRequest) {
                return;
            }
            event.preventDefault();
            var box = form.querySelector('.upload-progress');
            var bar = form.querySelector('progress');
            var status = form.querySelector('[role="status"]');
            var button = form.querySelector('button[type="submit"]');
            box.hidden = false;
            bar.value = 0;
            status.textContent = form.getAttribute('data-uploading');
            button.disabled = true;
            var request = new XMLHttpRequest();
            request.open('POST', form.action);
            request.upload.addEventListener('progress', function (e) {
                if (e.lengthComputable) {
                    bar.value = Math.round(100 * e.loaded / e.total);
                }
            });
            request.upload.addEventListener('load', function () {
                bar.removeAttribute('value'); // indeterminate while the server imports
                status.textContent = form.getAttribute('data-importing');
            });
            request.addEventListener('load', function () {
                if (request.status === 200 && request.responseURL.indexOf('/dashboard/imports/') >= 0) {
                    window.location.assign(request.responseURL);
                } else {
                    failed();
                }
            });
            request.addEventListener('error', failed);
            function failed() {
                bar.value = 0;
                status.textContent = form.getAttribute('data-failed');
                button.disabled = false;
            }
            request.send(new FormData(form));
        });
    }

    document.querySelectorAll('form[data-upload]').forEach(upload);

    document.querySelectorAll('[data-chart]').forEach(function (element) {
        if (element.getAttribute('data-chart')) {
            render(element);
        }
    });
})();
