{{%AUTOESCAPE context="HTML"}}<div id="gap">
<p class="muted"><a href="/gaps">خلأها</a> › <span class="ref">{{REFERENCE}}</span></p>
<h1>{{TITLE}}</h1>
{{#JUST_REPORTED}}<div class="notice ok" role="status">گزارش ثبت شد: <span class="ref">{{REFERENCE}}</span></div>{{/JUST_REPORTED}}
{{>ERROR_SUMMARY}}
{{#CONFLICT}}<div class="notice warn" role="alert" id="conflict">
<h2>این خلأ پس از آنکه صفحه را باز کردید تغییر کرده است</h2>
<p>شما نسخه {{READ_VERSION}} را دیده بودید؛ اکنون نسخه {{CURRENT_VERSION}} است. تغییرها:</p>
<ul>{{#CHANGE}}<li>{{WHAT}} — <bdi>{{ACTOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></li>{{/CHANGE}}</ul>
<p>صفحه اکنون وضعیت تازه را نشان می‌دهد؛ اگر هنوز لازم است، دوباره بفرستید.</p>
</div>{{/CONFLICT}}
{{#DRAFT_CONFLICT}}<div class="notice warn" role="alert" id="draft-conflict">
<h2>در این فاصله نسخه تازه‌ای از پیش‌نویس ثبت شد</h2>
<p>متن شما بر پایه نسخه {{BASE_FA}} بود. نسخه‌های تازه‌تر:</p>
<ul>{{#NEWER}}<li>نسخه {{VERSION_FA}} — <bdi>{{AUTHOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time>{{#CAN_DIFF}} — <a href="{{DIFF_LINK}}">تفاوت با نسخه شما</a>{{/CAN_DIFF}}</li>{{/NEWER}}</ul>
<p>متن شما در ویرایشگر پایین نگه داشته شده است؛ پس از بررسی، آن را دوباره ثبت کنید.</p>
</div>{{/DRAFT_CONFLICT}}
<div class="grid">
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts">مشخصات</h2>
<dl class="facts">
<dt>وضعیت</dt><dd><span class="state{{#TERMINAL}} terminal{{/TERMINAL}}">{{STATE_LABEL}}</span></dd>
{{#DUE}}<dt>مهلت این مرحله</dt><dd><time datetime="{{DUE_AT_ISO}}"{{#OVERDUE}} class="overdue"{{/OVERDUE}}>{{DUE_AT}}</time>{{#OVERDUE}} <span class="overdue">(گذشته)</span>{{/OVERDUE}}</dd>{{/DUE}}
<dt>شهر</dt><dd>{{CITY}}{{#CO_REPORTER}}، {{NAME}}{{/CO_REPORTER}}</dd>
<dt>نوع</dt><dd>{{KIND_LABEL}}</dd>
<dt>موضوع</dt><dd>{{CATEGORY_LABEL}}</dd>
<dt>اولویت</dt><dd class="priority-{{PRIORITY}}">{{PRIORITY_LABEL}}</dd>
<dt>گزارش‌دهنده</dt><dd><bdi>{{REPORTER}}</bdi>، <time datetime="{{CREATED_AT_ISO}}">{{CREATED_AT}}</time></dd>
{{#CONFIDENTIAL}}<dt>دسترسی</dt><dd><span class="tag confidential">محرمانه</span></dd>{{/CONFIDENTIAL}}
{{#LAWSUITS}}<dt>دعاوی در جریان</dt><dd>{{PENDING_LAWSUITS}}</dd>{{/LAWSUITS}}{{#EXPOSURE}}<dt>مبلغ در معرض خطر</dt><dd>{{EXPOSURE_RIALS}} ریال</dd>{{/EXPOSURE}}
</dl>
<h3>مواد قانونی</h3>
<ul>{{#PROVISION}}<li><a href="{{LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a></li>{{/PROVISION}}</ul>
<div class="no-print">
{{#WATCHING}}<form method="post" action="/gaps/{{ID}}/watch" hx-post="/gaps/{{ID}}/watch" hx-target="#gap" hx-select="#gap" hx-swap="outerHTML"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="watch" value="off"><button type="submit" class="secondary">توقف دنبال کردن</button></form>{{/WATCHING}}
{{#NOT_WATCHING}}<form method="post" action="/gaps/{{ID}}/watch" hx-post="/gaps/{{ID}}/watch" hx-target="#gap" hx-select="#gap" hx-swap="outerHTML"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="watch" value="on"><button type="submit" class="secondary">دنبال کردن</button></form>{{/NOT_WATCHING}}
</div>
</section>
<section class="panel" aria-labelledby="h-description">
<h2 id="h-description">شرح</h2>
<div class="text">{{DESCRIPTION}}</div>
</section>
</div>
{{#HAS_TRANSITIONS}}<section class="panel no-print" aria-labelledby="h-actions" id="actions">
<h2 id="h-actions">اقدام‌های شما</h2>
{{>TRANSITIONS}}
</section>{{/HAS_TRANSITIONS}}
<section class="panel" aria-labelledby="h-drafts" id="drafts">
<h2 id="h-drafts">پیش‌نویس اصلاحیه</h2>
{{#NO_DRAFTS}}<p class="muted">هنوز پیش‌نویسی ثبت نشده است.</p>{{/NO_DRAFTS}}
{{#LATEST}}<h3>آخرین نسخه ({{VERSION_FA}})</h3>
<div class="text">{{TEXT}}</div>
<h3>دلایل توجیهی</h3>
<div class="text">{{RATIONALE}}</div>{{/LATEST}}
<h3>نسخه‌ها</h3>
<ul>{{#DRAFT}}<li>نسخه {{VERSION_FA}} — <bdi>{{AUTHOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></li>{{/DRAFT}}</ul>
{{>VERSION_CHOICES}}
{{#DRAFT_EDITOR}}<form method="post" action="/gaps/{{ID}}/drafts" class="no-print" id="draft-editor" hx-post="/gaps/{{ID}}/drafts" hx-target="#gap" hx-select="#gap" hx-swap="outerHTML show:#drafts:top">
<h3>نسخه تازه ({{NEXT_VERSION_FA}})</h3>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_latest" value="{{EXPECTED_LATEST}}">
<div class="field{{#TEXT_HAS_ERROR}} has-error{{/TEXT_HAS_ERROR}}">
<label for="f-text">متن پیشنهادی اصلاحیه</label>
{{#TEXT_HAS_ERROR}}<span class="error-message">{{TEXT_ERROR}}</span>{{/TEXT_HAS_ERROR}}
<textarea id="f-text" name="text" class="long" required>{{TEXT}}</textarea>
</div>
<div class="field{{#RATIONALE_HAS_ERROR}} has-error{{/RATIONALE_HAS_ERROR}}">
<label for="f-rationale">دلایل توجیهی</label>
{{#RATIONALE_HAS_ERROR}}<span class="error-message">{{RATIONALE_ERROR}}</span>{{/RATIONALE_HAS_ERROR}}
<textarea id="f-rationale" name="rationale">{{RATIONALE}}</textarea>
</div>
<button type="submit">ثبت نسخه</button>
</form>{{/DRAFT_EDITOR}}
</section>
{{#HAS_RULINGS}}<section class="panel" aria-labelledby="h-rulings">
<h2 id="h-rulings">آرای دادگاه‌ها بر همین مواد</h2>
<ul class="plain">
{{#RULING}}<li><a href="/rulings/{{RULING_ID}}"><strong>{{COURT}}</strong></a>{{#BRANCH}} — {{BRANCH_NAME}}{{/BRANCH}}، دادنامه <bdi>{{NUMBER}}</bdi>، {{DECIDED_ON}} — <span class="outcome-{{OUTCOME}}">{{OUTCOME_LABEL}}</span><br>{{SUMMARY}}<br><span class="muted">{{PROVISION}}</span></li>{{/RULING}}
</ul>
</section>{{/HAS_RULINGS}}
{{#HAS_OPINIONS}}<section class="panel" aria-labelledby="h-opinions">
<h2 id="h-opinions">استعلام‌ها و نظرهای مشورتی درباره این خلأ</h2>
<ul class="plain">
{{#OPINION}}<li><a href="/opinions/{{ID}}"><span class="ref">{{REFERENCE}}</span> {{TITLE}}</a> <span class="state">{{STATE_LABEL}}</span>{{#PUBLISHED}} <span class="muted">منتشرشده در <time datetime="{{AT_ISO}}">{{AT}}</time></span>{{/PUBLISHED}}</li>{{/OPINION}}
</ul>
</section>{{/HAS_OPINIONS}}
<section class="panel" aria-labelledby="h-history">
<h2 id="h-history">سابقه</h2>
<ol class="timeline">
{{#EVENT}}<li><strong>{{WHAT}}</strong>{{#MOVE}} <span class="muted">({{FROM}} ← {{TO}})</span>{{/MOVE}}<br><span class="muted"><bdi>{{ACTOR}}</bdi>، <time datetime="{{AT_ISO}}">{{AT}}</time></span>{{#HAS_COMMENT}}<p class="comment">{{COMMENT}}</p>{{/HAS_COMMENT}}</li>{{/EVENT}}
</ol>
</section>
<div id="similar"><p class="no-print"><a href="/gaps/{{ID}}/similar" hx-get="/gaps/{{ID}}/similar" hx-trigger="load" hx-target="#similar" hx-swap="innerHTML">خلأهای باز مشابه این خلأ</a></p></div>
</div>
