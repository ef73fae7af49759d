{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/rulings">آرا</a> › رأی تازه</p>
<h1>ثبت رأی دادگاه</h1>
{{>ERROR_SUMMARY}}
<form class="panel" method="post" action="/rulings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="grid">
<div class="field{{#COURT_HAS_ERROR}} has-error{{/COURT_HAS_ERROR}}"><label for="f-court">دادگاه</label>{{#COURT_HAS_ERROR}}<span class="error-message">{{COURT_ERROR}}</span>{{/COURT_HAS_ERROR}}<input type="text" id="f-court" name="court" value="{{COURT}}" required placeholder="دیوان عدالت اداری"></div>
<div class="field{{#BRANCH_HAS_ERROR}} has-error{{/BRANCH_HAS_ERROR}}"><label for="f-branch">شعبه</label>{{#BRANCH_HAS_ERROR}}<span class="error-message">{{BRANCH_ERROR}}</span>{{/BRANCH_HAS_ERROR}}<input type="text" id="f-branch" name="branch" value="{{BRANCH}}"></div>
<div class="field{{#NUMBER_HAS_ERROR}} has-error{{/NUMBER_HAS_ERROR}}"><label for="f-number">شماره دادنامه</label>{{#NUMBER_HAS_ERROR}}<span class="error-message">{{NUMBER_ERROR}}</span>{{/NUMBER_HAS_ERROR}}<input type="text" id="f-number" name="number" value="{{NUMBER}}" required></div>
<div class="field{{#DECIDED_ON_HAS_ERROR}} has-error{{/DECIDED_ON_HAS_ERROR}}"><label for="f-decided_on">تاریخ رأی (شمسی)</label>{{#DECIDED_ON_HAS_ERROR}}<span class="error-message">{{DECIDED_ON_ERROR}}</span>{{/DECIDED_ON_HAS_ERROR}}<input type="text" data-jdp id="f-decided_on" name="decided_on" value="{{DECIDED_ON}}" required placeholder="۱۴۰۵-۰۸-۱۲"></div>
<div class="field{{#OUTCOME_HAS_ERROR}} has-error{{/OUTCOME_HAS_ERROR}}"><label for="f-outcome">نتیجه برای شهرداری</label>{{#OUTCOME_HAS_ERROR}}<span class="error-message">{{OUTCOME_ERROR}}</span>{{/OUTCOME_HAS_ERROR}}<select id="f-outcome" name="outcome" required><option value="">انتخاب کنید</option>{{#OUTCOME_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OUTCOME_CHOICE}}</select></div>
{{#CHOOSE_CITY}}<div class="field{{#MUNICIPALITY_HAS_ERROR}} has-error{{/MUNICIPALITY_HAS_ERROR}}"><label for="f-municipality">شهر</label>{{#MUNICIPALITY_HAS_ERROR}}<span class="error-message">{{MUNICIPALITY_ERROR}}</span>{{/MUNICIPALITY_HAS_ERROR}}<select id="f-municipality" name="municipality" required><option value="">انتخاب کنید</option>{{#CITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_CHOICE}}</select></div>{{/CHOOSE_CITY}}
</div>
<div class="field{{#SUMMARY_HAS_ERROR}} has-error{{/SUMMARY_HAS_ERROR}}"><label for="f-summary">خلاصه رأی</label>{{#SUMMARY_HAS_ERROR}}<span class="error-message">{{SUMMARY_ERROR}}</span>{{/SUMMARY_HAS_ERROR}}<textarea id="f-summary" name="summary" required>{{SUMMARY}}</textarea></div>
<div class="field{{#FULL_TEXT_HAS_ERROR}} has-error{{/FULL_TEXT_HAS_ERROR}}"><label for="f-full_text">متن کامل</label>{{#FULL_TEXT_HAS_ERROR}}<span class="error-message">{{FULL_TEXT_ERROR}}</span>{{/FULL_TEXT_HAS_ERROR}}<textarea id="f-full_text" name="full_text" class="long">{{FULL_TEXT}}</textarea></div>
<fieldset class="field{{#PROVISIONS_HAS_ERROR}} has-error{{/PROVISIONS_HAS_ERROR}}" id="f-provisions">
<legend>مواد قانونی که رأی بر آن‌ها استوار است</legend>
{{#PROVISIONS_HAS_ERROR}}<span class="error-message">{{PROVISIONS_ERROR}}</span>{{/PROVISIONS_HAS_ERROR}}
{{#PROVISION}}<div class="grid">
<div><label for="f-law-{{N}}">قانون {{N_FA}}</label><input type="text" id="f-law-{{N}}" name="law" value="{{LAW}}"></div>
<div><label for="f-article-{{N}}">ماده {{N_FA}}</label><input type="text" id="f-article-{{N}}" name="article" value="{{ARTICLE}}"></div>
</div>{{/PROVISION}}
</fieldset>
<button type="submit">ثبت رأی</button>
</form>
