{{%AUTOESCAPE context="HTML"}}<div id="opinion">
<p class="muted"><a href="/opinions">استعلام‌ها</a> › <span class="ref">{{REFERENCE}}</span></p>
<h1>{{TITLE}}</h1>
{{>ERROR_SUMMARY}}
{{#STALE}}<div class="notice warn" role="alert" id="conflict"><h2>این استعلام پس از آنکه صفحه را باز کردید تغییر کرده است</h2><p>صفحه اکنون وضعیت تازه را نشان می‌دهد؛ اگر هنوز لازم است، دوباره بفرستید.</p></div>{{/STALE}}
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts">مشخصات</h2>
<dl class="facts">
<dt>شناسه</dt><dd><span class="ref">{{REFERENCE}}</span></dd>
<dt>وضعیت</dt><dd><span class="state{{#TERMINAL}} terminal{{/TERMINAL}}">{{STATE_LABEL}}</span></dd>
<dt>شهر پرسنده</dt><dd>{{CITY}}</dd>
<dt>پرسش از</dt><dd><bdi>{{ASKED_BY}}</bdi>، <time datetime="{{ASKED_AT_ISO}}">{{ASKED_AT}}</time></dd>
{{#ASSIGNED}}<dt>پاسخ‌دهنده</dt><dd><bdi>{{ASSIGNEE}}</bdi></dd>{{/ASSIGNED}}
{{#DUE}}<dt>مهلت این مرحله</dt><dd><time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{#OVERDUE}} <strong class="overdue">(گذشته)</strong>{{/OVERDUE}}</dd>{{/DUE}}
{{#PUBLISHED}}<dt>انتشار</dt><dd><time datetime="{{PUBLISHED_AT_ISO}}">{{PUBLISHED_AT}}</time></dd>{{/PUBLISHED}}
</dl>
</section>
{{#QUESTION}}<section class="panel" aria-labelledby="h-question" id="question">
<h2 id="h-question">پرسش</h2>
{{#LATEST}}<p class="muted">نسخه {{VERSION_FA}}، <bdi>{{AUTHOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></p>
<div class="text">{{TEXT}}</div>
{{#PROVISION}}<p>ماده: <a href="{{LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a></p>{{/PROVISION}}{{/LATEST}}
{{#HAS_EARLIER}}<details><summary>نسخه‌های پیشین</summary>{{#EARLIER}}<article class="version"><h3>نسخه {{VERSION_FA}} <span class="muted"><bdi>{{AUTHOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span></h3><div class="text">{{TEXT}}</div>{{#PROVISION}}<p>ماده: <a href="{{LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a></p>{{/PROVISION}}</article>{{/EARLIER}}</details>{{/HAS_EARLIER}}
{{#WRITE_FORM}}{{>TEXT_FORM}}{{/WRITE_FORM}}
</section>{{/QUESTION}}
{{#ANSWER}}<section class="panel" aria-labelledby="h-answer" id="answer">
<h2 id="h-answer">پاسخ کمیته (نظریه مشورتی)</h2>
{{#NONE}}<p class="muted">هنوز پاسخی نوشته نشده است.</p>{{/NONE}}
{{#LATEST}}<p class="muted">نسخه {{VERSION_FA}}، <bdi>{{AUTHOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></p>
<div class="text">{{TEXT}}</div>
{{#PROVISION}}<p>ماده: <a href="{{LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a></p>{{/PROVISION}}{{/LATEST}}
{{#HAS_EARLIER}}<details><summary>نسخه‌های پیشین</summary>{{#EARLIER}}<article class="version"><h3>نسخه {{VERSION_FA}} <span class="muted"><bdi>{{AUTHOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span></h3><div class="text">{{TEXT}}</div>{{#PROVISION}}<p>ماده: <a href="{{LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a></p>{{/PROVISION}}</article>{{/EARLIER}}</details>{{/HAS_EARLIER}}
{{#WRITE_FORM}}{{>TEXT_FORM}}{{/WRITE_FORM}}
</section>{{/ANSWER}}
{{#HAS_TRANSITIONS}}<section class="panel no-print" aria-labelledby="h-actions" id="actions">
<h2 id="h-actions">گام بعد</h2>
{{>TRANSITIONS}}
</section>{{/HAS_TRANSITIONS}}
<section class="panel" aria-labelledby="h-links" id="links">
<h2 id="h-links">خلأها و آرای مربوط</h2>
{{#NO_LINKS}}<p class="muted">این استعلام به خلأ یا رأیی پیوند نشده است.</p>{{/NO_LINKS}}
<ul class="plain">{{#GAP}}<li>{{>GAP_MENTION}}</li>{{/GAP}}{{#RULING}}<li><a href="/rulings/{{RULING_ID}}">{{COURT}}، دادنامه <bdi>{{NUMBER}}</bdi></a> — <span class="outcome-{{OUTCOME}}">{{OUTCOME_LABEL}}</span></li>{{/RULING}}</ul>
{{#LINK_FORM}}<form method="post" action="/opinions/{{ID}}/links" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field{{#GAPS_HAS_ERROR}} has-error{{/GAPS_HAS_ERROR}}" id="gaps"><label for="f-gaps">خلأها <span class="hint">شناسه هر خلأ در یک سطر</span></label>{{#GAPS_HAS_ERROR}}<span class="error-message">{{GAPS_ERROR}}</span>{{/GAPS_HAS_ERROR}}<textarea id="f-gaps" name="gaps" dir="ltr">{{GAP_LINES}}</textarea></div>
<fieldset class="field{{#RULINGS_HAS_ERROR}} has-error{{/RULINGS_HAS_ERROR}}" id="rulings"><legend>آرا <span class="hint">آرای همین مواد قانونی</span></legend>
{{#RULINGS_HAS_ERROR}}<span class="error-message">{{RULINGS_ERROR}}</span>{{/RULINGS_HAS_ERROR}}
{{#NO_RULING_CHOICES}}<p class="muted">رأیی بر مواد این پرسش ثبت نشده است.</p>{{/NO_RULING_CHOICES}}
{{#RULING_CHOICE}}<label class="checkbox"><input type="checkbox" name="ruling" value="{{RULING_ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{COURT}}، دادنامه <bdi>{{NUMBER}}</bdi> ({{OUTCOME_LABEL}})</label>{{/RULING_CHOICE}}
</fieldset>
<button type="submit" class="secondary">ثبت پیوندها</button>
</form>{{/LINK_FORM}}
</section>
<section class="panel" aria-labelledby="h-history" id="history">
<h2 id="h-history">سابقه</h2>
<ol class="timeline">{{#EVENT}}<li><strong>{{WHAT}}</strong>{{#MOVE}} ← {{TO}}{{/MOVE}}{{#FACT}}<br><span class="muted">{{LABEL}}:</span> <bdi>{{VALUE}}</bdi>{{/FACT}}<br><span class="muted"><bdi>{{ACTOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span>{{#HAS_COMMENT}}<p class="comment">{{COMMENT}}</p>{{/HAS_COMMENT}}</li>{{/EVENT}}</ol>
</section>
</div>
