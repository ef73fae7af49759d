{{%AUTOESCAPE context="HTML"}}<div id="bill">
<p class="muted"><a href="/bills">مجلس</a> › <span class="ref">{{REFERENCE}}</span></p>
<h1>{{TITLE}}</h1>
<p class="no-print"><a class="button secondary" href="/bills/{{ID}}/dossier">پرونده کامل برای چاپ</a></p>
{{>ERROR_SUMMARY}}
{{#STALE}}<div class="notice warn" role="alert" id="conflict"><h2>این پرونده پس از آنکه صفحه را باز کردید تغییر کرده است</h2><p>صفحه اکنون وضعیت تازه را نشان می‌دهد؛ اگر هنوز لازم است، دوباره بفرستید.</p></div>{{/STALE}}
<div class="grid">
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts">مشخصات</h2>
<dl class="facts">
<dt>شناسه</dt><dd><span class="ref">{{REFERENCE}}</span></dd>
<dt>مرحله</dt><dd><span class="state{{#TERMINAL}} terminal{{/TERMINAL}}">{{STATE_LABEL}}</span></dd>
{{#DUE}}<dt>مهلت این مرحله</dt><dd><time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{#OVERDUE}} <strong class="overdue">(گذشته)</strong>{{/OVERDUE}}</dd>{{/DUE}}
{{#EXTENDED}}<dt>تمدید</dt><dd>{{EXTENSIONS}} بار تمدید شده</dd>{{/EXTENDED}}
<dt>مسیر تقدیم</dt><dd>{{CHANNEL_LABEL}}</dd>
<dt>فوریت</dt><dd>{{URGENCY_LABEL}}</dd>
<dt>شماره ثبت</dt><dd><bdi>{{REGISTRATION_NO}}</bdi></dd>
<dt>کمیسیون اصلی</dt><dd>{{LEAD_COMMISSION}}</dd>
<dt>کمیسیون‌های فرعی</dt><dd>{{#NO_ADVISORY}}—{{/NO_ADVISORY}}{{#ADVISORY_LIST}}{{ADVISORY}}{{#ADVISORY_LIST_separator}}، {{/ADVISORY_LIST_separator}}{{/ADVISORY_LIST}}</dd>
<dt>ثبت</dt><dd><bdi>{{CREATED_BY}}</bdi>، <time datetime="{{CREATED_AT_ISO}}">{{CREATED_AT}}</time></dd>
</dl>
</section>
<section class="panel" aria-labelledby="h-gaps">
<h2 id="h-gaps">خلأهای این پرونده</h2>
<ul class="plain">{{#GAP}}<li>{{>GAP_MENTION}}</li>{{/GAP}}</ul>
</section>
</div>
{{#HAS_TRANSITIONS}}<section class="panel no-print" aria-labelledby="h-actions" id="actions">
<h2 id="h-actions">ثبت مرحله تازه</h2>
{{>TRANSITIONS}}
</section>{{/HAS_TRANSITIONS}}
{{#EXTENSION_FORM}}<form method="post" action="/bills/{{ID}}/extension" class="panel no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field"><label for="f-extension-comment">تمدید مهلت این مرحله ({{EXTENSION_DAYS}} روز) <span class="hint">مانند درخواست شورای نگهبان برای ده روز دیگر</span></label>
<textarea id="f-extension-comment" name="comment"></textarea></div>
<button type="submit" class="secondary">تمدید مهلت</button>
</form>{{/EXTENSION_FORM}}
<section class="panel" aria-labelledby="h-timeline" id="timeline">
<h2 id="h-timeline">سیر پرونده</h2>
<ol class="timeline">{{#EVENT}}<li><strong>{{WHAT}}</strong>{{#MOVE}} ← {{TO}}{{/MOVE}}{{#FACT}}<br><span class="muted">{{LABEL}}:</span> <bdi>{{VALUE}}</bdi>{{/FACT}}<br><span class="muted"><bdi>{{ACTOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span>{{#HAS_COMMENT}}<p class="comment">{{COMMENT}}</p>{{/HAS_COMMENT}}</li>{{/EVENT}}</ol>
</section>
<section class="panel" aria-labelledby="h-objections" id="objections">
<h2 id="h-objections">ایرادهای شورای نگهبان</h2>
{{#NO_OBJECTIONS}}<p class="muted">ایرادی ثبت نشده است.</p>{{/NO_OBJECTIONS}}
{{#OPEN_OBJECTIONS}}<p class="notice warn">{{OPEN_COUNT}} ایراد باز است؛ تأیید شورای نگهبان پس از رفع همه ایرادها ثبت می‌شود.</p>{{/OPEN_OBJECTIONS}}
{{#OBJECTION}}<article class="objection" id="objection-{{NUMBER}}">
<h3>ایراد {{NUMBER_FA}} — {{ARTICLE}} <span class="tag">{{TYPE_LABEL}}</span> {{#RESOLVED}}<span class="tag ok">رفع شد</span>{{/RESOLVED}}{{#UNRESOLVED}}<span class="tag overdue">باز</span>{{/UNRESOLVED}}</h3>
<p class="text">{{TEXT}}</p>
<p class="muted">ثبت: <time datetime="{{RAISED_AT_ISO}}">{{RAISED_AT}}</time></p>
{{#HAS_RESPONSE}}<p><strong>پاسخ مجلس:</strong> {{RESPONSE}}</p>{{/HAS_RESPONSE}}
{{#ANSWER_FORM}}<form method="post" action="/bills/{{ID}}/objections/{{NUMBER}}" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field"><label for="f-response-{{NUMBER}}">پاسخ مجلس به ایراد {{NUMBER_FA}}</label>
<textarea id="f-response-{{NUMBER}}" name="response">{{RESPONSE_VALUE}}</textarea></div>
<label class="checkbox"><input type="checkbox" name="resolved"{{#CHECKED}} checked{{/CHECKED}}> ایراد {{NUMBER_FA}} رفع شده است</label>
<button type="submit" class="secondary">ثبت پاسخ</button>
</form>{{/ANSWER_FORM}}
</article>{{/OBJECTION}}
{{#OBJECTION_FORM}}<form method="post" action="/bills/{{ID}}/objections" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<h3>ثبت ایراد تازه</h3>
<div class="grid">
<div class="field{{#ARTICLE_HAS_ERROR}} has-error{{/ARTICLE_HAS_ERROR}}"><label for="f-article">ماده</label>{{#ARTICLE_HAS_ERROR}}<span class="error-message">{{ARTICLE_ERROR}}</span>{{/ARTICLE_HAS_ERROR}}<input type="text" id="f-article" name="article" value="{{ARTICLE}}" required></div>
<div class="field{{#TYPE_HAS_ERROR}} has-error{{/TYPE_HAS_ERROR}}"><label for="f-type">نوع ایراد</label>{{#TYPE_HAS_ERROR}}<span class="error-message">{{TYPE_ERROR}}</span>{{/TYPE_HAS_ERROR}}<select id="f-type" name="type" required><option value="">انتخاب کنید</option>{{#TYPE_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_CHOICE}}</select></div>
</div>
<div class="field{{#TEXT_HAS_ERROR}} has-error{{/TEXT_HAS_ERROR}}"><label for="f-text">متن ایراد</label>{{#TEXT_HAS_ERROR}}<span class="error-message">{{TEXT_ERROR}}</span>{{/TEXT_HAS_ERROR}}<textarea id="f-text" name="text" required>{{TEXT}}</textarea></div>
<button type="submit">ثبت ایراد</button>
</form>{{/OBJECTION_FORM}}
</section>
{{#HAS_SPONSORS}}<section class="panel" aria-labelledby="h-sponsors" id="sponsors">
<h2 id="h-sponsors">امضاکنندگان</h2>
{{#SIGNATURES}}<p>{{ACTIVE}} امضای معتبر از {{MINIMUM}} امضای لازم{{#TOO_FEW}} — <strong class="overdue">کمتر از حد لازم</strong>{{/TOO_FEW}}</p>{{/SIGNATURES}}
<ol>{{#SPONSOR}}<li>{{NAME}}، <span class="muted">{{CONSTITUENCY}}</span>{{#WITHDRAWN}} — <span class="overdue">امضا مسترد شد، <time datetime="{{AT_ISO}}">{{AT}}</time></span>{{/WITHDRAWN}}{{#MAY_WITHDRAW}} <form method="post" action="/bills/{{ID}}/sponsors/{{NUMBER}}/withdrawal" class="inline-form no-print"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="expected_version" value="{{VERSION}}"><button type="submit" class="link-button">استرداد امضای {{NAME}}</button></form>{{/MAY_WITHDRAW}}</li>{{/SPONSOR}}</ol>
{{#SPONSOR_FORM}}<form method="post" action="/bills/{{ID}}/sponsors" class="no-print grid">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field{{#NAME_HAS_ERROR}} has-error{{/NAME_HAS_ERROR}}"><label for="f-name">نام نماینده</label>{{#NAME_HAS_ERROR}}<span class="error-message">{{NAME_ERROR}}</span>{{/NAME_HAS_ERROR}}<input type="text" id="f-name" name="name" required></div>
<div class="field"><label for="f-constituency">حوزه انتخابیه</label><input type="text" id="f-constituency" name="constituency"></div>
<div><button type="submit" class="secondary">افزودن امضا</button></div>
</form>{{/SPONSOR_FORM}}
</section>{{/HAS_SPONSORS}}
<section class="panel" aria-labelledby="h-positions" id="positions">
<h2 id="h-positions">موضع شهرها</h2>
<table class="rows">
<caption class="visually-hidden">موضع هر شهر عضو درباره این پرونده</caption>
<thead><tr><th scope="col">شهر</th><th scope="col">موضع</th><th scope="col">توضیح</th></tr></thead>
<tbody>{{#POSITION}}<tr><td>{{CITY}}</td>{{#NO_POSITION}}<td data-label="موضع"><span class="muted">اعلام نشده</span></td><td></td>{{/NO_POSITION}}{{#STATED}}<td data-label="موضع"><strong class="position-{{POSITION}}">{{POSITION_LABEL}}</strong><br><span class="muted"><bdi>{{BY}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span></td><td data-label="توضیح">{{#HAS_NOTE}}{{NOTE}}{{/HAS_NOTE}}</td>{{/STATED}}</tr>{{/POSITION}}</tbody>
</table>
{{#POSITION_FORM}}<form method="post" action="/bills/{{ID}}/position" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h3>موضع {{CITY}}</h3>
<div class="grid">
<div class="field{{#POSITION_HAS_ERROR}} has-error{{/POSITION_HAS_ERROR}}"><label for="f-position">موضع</label>{{#POSITION_HAS_ERROR}}<span class="error-message">{{POSITION_ERROR}}</span>{{/POSITION_HAS_ERROR}}<select id="f-position" name="position" required><option value="">انتخاب کنید</option>{{#POSITION_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/POSITION_CHOICE}}</select></div>
<div class="field{{#NOTE_HAS_ERROR}} has-error{{/NOTE_HAS_ERROR}}"><label for="f-note">توضیح</label>{{#NOTE_HAS_ERROR}}<span class="error-message">{{NOTE_ERROR}}</span>{{/NOTE_HAS_ERROR}}<textarea id="f-note" name="note">{{NOTE}}</textarea></div>
</div>
<button type="submit">ثبت موضع</button>
</form>{{/POSITION_FORM}}
</section>
</div>
