{{%AUTOESCAPE context="HTML"}}<div id="request">
<p class="muted"><a href="/precedents">درخواست‌های رأی وحدت رویه</a> › <span class="ref">{{REFERENCE}}</span></p>
<h1>درخواست رأی وحدت رویه <span class="ref">{{REFERENCE}}</span></h1>
{{>ERROR_SUMMARY}}
{{#STALE}}<div class="notice warn" role="alert" id="conflict"><h2>این درخواست پس از آنکه صفحه را باز کردید تغییر کرده است</h2><p>صفحه اکنون وضعیت تازه را نشان می‌دهد؛ اگر هنوز لازم است، دوباره بفرستید.</p></div>{{/STALE}}
<div class="grid">
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts">مشخصات</h2>
<dl class="facts">
<dt>خطاب به</dt><dd>{{BOARD_LABEL}}</dd>
<dt>ماده</dt><dd><a href="{{PROVISION_LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a></dd>
<dt>وضعیت</dt><dd><span class="state{{#TERMINAL}} terminal{{/TERMINAL}}">{{STATE_LABEL}}</span></dd>
{{#DUE}}<dt>مهلت این مرحله</dt><dd><time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{#OVERDUE}} <strong class="overdue">(گذشته)</strong>{{/OVERDUE}}</dd>{{/DUE}}
<dt>گشوده</dt><dd><bdi>{{OPENED_BY}}</bdi>، <time datetime="{{OPENED_AT_ISO}}">{{OPENED_AT}}</time></dd>
{{#FILED}}<dt>شماره ثبت در هیئت</dt><dd><bdi>{{FILING_NUMBER}}</bdi>، <time datetime="{{FILED_AT_ISO}}">{{FILED_AT}}</time></dd>{{/FILED}}
{{#DECISION}}<dt>رأی وحدت رویه</dt><dd><a href="/rulings/{{ID}}">{{COURT}}، دادنامه <bdi>{{NUMBER}}</bdi></a>، <time datetime="{{DECIDED_ON_ISO}}">{{DECIDED_ON}}</time> — لازم‌الاتباع</dd>{{/DECISION}}
</dl>
</section>
<section class="panel" aria-labelledby="h-question">
<h2 id="h-question">مسئله حقوقی</h2>
<div class="text">{{QUESTION}}</div>
</section>
</div>
<section class="panel" aria-labelledby="h-rulings" id="rulings">
<h2 id="h-rulings">آرای متعارض</h2>
<ul class="plain">{{#RULING}}<li><span class="outcome-{{OUTCOME}}">{{OUTCOME_LABEL}}</span>: <a href="/rulings/{{ID}}">{{COURT}}{{#BRANCH}} — {{BRANCH_NAME}}{{/BRANCH}}، دادنامه <bdi>{{NUMBER}}</bdi></a>، <time datetime="{{DECIDED_ON_ISO}}">{{DECIDED_ON}}</time> <span class="muted">({{CITY}})</span></li>{{/RULING}}</ul>
</section>
<section class="panel" aria-labelledby="h-arguments" id="arguments">
<h2 id="h-arguments">استدلال شهرها</h2>
{{#NO_ARGUMENTS}}<p class="muted">هنوز شهری استدلال خود را ننوشته است.</p>{{/NO_ARGUMENTS}}
{{#ARGUMENT}}<article class="argument"><h3>{{CITY}}</h3><div class="text">{{TEXT}}</div><p class="muted"><bdi>{{AUTHOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></p></article>{{/ARGUMENT}}
{{#ARGUMENT_FORM}}<form method="post" action="/precedents/{{ID}}/argument" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field{{#TEXT_HAS_ERROR}} has-error{{/TEXT_HAS_ERROR}}"><label for="f-text">استدلال {{CITY}}</label>{{#TEXT_HAS_ERROR}}<span class="error-message">{{TEXT_ERROR}}</span>{{/TEXT_HAS_ERROR}}<textarea id="f-text" name="text" class="long" required>{{TYPED}}</textarea></div>
<button type="submit">ذخیره استدلال</button>
</form>{{/ARGUMENT_FORM}}
</section>
{{#HAS_TRANSITIONS}}<section class="panel no-print" aria-labelledby="h-actions" id="actions">
<h2 id="h-actions">گام بعد</h2>
{{>TRANSITIONS}}
</section>{{/HAS_TRANSITIONS}}
<section class="panel" aria-labelledby="h-gaps" id="gaps">
<h2 id="h-gaps">خلأهایی که این درخواست به آن‌ها مربوط است</h2>
{{#NO_GAPS}}<p class="muted">خلأیی به این درخواست پیوند نشده است.</p>{{/NO_GAPS}}
<ul class="plain">{{#GAP}}<li>{{>GAP_MENTION}}</li>{{/GAP}}</ul>
</section>
<section class="panel" aria-labelledby="h-history" id="history">
<h2 id="h-history">سابقه</h2>
<ol class="timeline">{{#EVENT}}<li><strong>{{WHAT}}</strong>{{#MOVE}} ← {{TO}}{{/MOVE}}{{#FACT}}<br><span class="muted">{{LABEL}}:</span> <bdi>{{VALUE}}</bdi>{{/FACT}}<br><span class="muted"><bdi>{{ACTOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span>{{#HAS_COMMENT}}<p class="comment">{{COMMENT}}</p>{{/HAS_COMMENT}}</li>{{/EVENT}}</ol>
</section>
</div>
